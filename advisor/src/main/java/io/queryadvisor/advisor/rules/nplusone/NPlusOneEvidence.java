package io.queryadvisor.advisor.rules.nplusone;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.support.CallSiteTally;
import io.queryadvisor.advisor.rules.support.EndedUnit;
import io.queryadvisor.advisor.rules.support.UnitTally;

/**
 * Everything the N+1 rule found of one fingerprint, over the units of work that ran it in a loop:
 * what its finding shows. Bounded: repetitions go into a packed histogram, and at most
 * {@value #MAX_LABELS} endpoints, call sites and source queries are kept (the rest are counted).
 */
final class NPlusOneEvidence {

    static final int MAX_LABELS = 8;

    private final Fingerprint fingerprint;
    private final UnitTally units;
    private long loops;
    private long nanos;
    private final CallSiteTally callSites = new CallSiteTally(MAX_LABELS);
    private final Map<String, SourceTally> sources = new HashMap<>();
    private String preparedSql;
    private NPlusOneRewriter.KeyRewrite rewrite;
    private Dialect rewriteDialect;
    private String dataSource;

    /** The source query most loops followed, and the rows read from it on average (-1 if unknown). */
    record Source(Fingerprint query, long meanRowsRead) {
    }

    /**
     * @param fingerprint           the fingerprint that ran in loops
     * @param maxRepetitionsPerUnit the most executions a unit can hold (larger values are recorded as this)
     */
    NPlusOneEvidence(Fingerprint fingerprint, int maxRepetitionsPerUnit) {
        this.fingerprint = fingerprint;
        this.units = new UnitTally(maxRepetitionsPerUnit, MAX_LABELS);
    }

    /** The N+1 loops of this fingerprint in one unit of work that ended. */
    void add(EndedUnit unit, List<NPlusOneLoop> unitLoops) {
        long inUnit = 0;
        for (NPlusOneLoop loop : unitLoops) {
            loops++;
            inUnit += loop.executions();
            nanos += loop.nanos();
            callSites.add(loop.callSite(), loop.executions());
            if (loop.source() != null) {
                addSource(loop);
            }
            if (preparedSql == null) {
                preparedSql = loop.preparedSql();
            }
            if (dataSource == null) {
                dataSource = loop.dataSource();
            }
        }
        units.record(unit, inUnit);
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    /** The units of work the loops ran in, with the repetitions per unit and their endpoints. */
    UnitTally units() {
        return units;
    }

    long loops() {
        return loops;
    }

    long executions() {
        return units.total();
    }

    double millis() {
        return nanos / 1_000_000.0;
    }

    /** The loops' call sites (loops none of whose executions had its call site sampled counted apart). */
    CallSiteTally callSites() {
        return callSites;
    }

    /** The query that most loops followed, or {@code null} when no loop followed one. */
    Source source() {
        return sources.values().stream()
                .max(Comparator.comparingLong((SourceTally s) -> s.loops)
                        .thenComparing(s -> s.query.id(), Comparator.reverseOrder()))
                .map(s -> new Source(s.query, s.rowsKnown == 0 ? -1 : Math.round((double) s.rows / s.rowsKnown)))
                .orElse(null);
    }

    /** The loop's statement rewritten for {@code dialect}; parsed once per dialect, then cached. */
    NPlusOneRewriter.KeyRewrite keyRewrite(Dialect dialect) {
        if (rewrite == null || rewriteDialect != dialect) {
            rewrite = NPlusOneRewriter.allKeysAtOnce(fingerprint.text(), preparedSql, dialect);
            rewriteDialect = dialect;
        }
        return rewrite;
    }

    /** The data source the loops ran on (the first seen), for the dialect of the suggestion. */
    String dataSource() {
        return dataSource;
    }

    private void addSource(NPlusOneLoop loop) {
        SourceTally tally = sources.get(loop.source().id());
        if (tally == null) {
            if (sources.size() >= MAX_LABELS) {
                // A loop nearly always follows the same query, and only the most common is shown.
                return;
            }
            tally = new SourceTally(loop.source());
            sources.put(loop.source().id(), tally);
        }
        tally.loops++;
        if (loop.sourceRows() >= 0) {
            tally.rows += loop.sourceRows();
            tally.rowsKnown++;
        }
    }

    /** How often one query came just before a loop, and the rows read from it then. */
    private static final class SourceTally {
        final Fingerprint query;
        long loops;
        long rows;
        long rowsKnown;

        SourceTally(Fingerprint query) {
            this.query = query;
        }
    }
}
