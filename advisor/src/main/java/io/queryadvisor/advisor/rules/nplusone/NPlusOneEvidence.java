package io.queryadvisor.advisor.rules.nplusone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.PackedHistogram;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.support.CappedCounts;
import io.queryadvisor.advisor.rules.support.UnitOfWorkKey;
import io.queryadvisor.advisor.stats.CallSiteCount;

/**
 * Everything the N+1 rule found of one fingerprint, over the units of work that ran it in a loop:
 * what its finding shows. Bounded: repetitions go into a packed histogram, and at most
 * {@value #MAX_LABELS} endpoints, call sites and source queries are kept (the rest are counted).
 */
final class NPlusOneEvidence {

    static final int MAX_LABELS = 8;

    private final Fingerprint fingerprint;
    private final long[] unitsByScope = new long[UnitOfWorkKey.Scope.values().length];
    private final long maxTrackedRepetitions;
    /** Repetitions per unit: exact up to 255 (2 significant digits), within 1% above. */
    private final PackedHistogram repetitions;
    private long maxRepetitions;
    private long loops;
    private long executions;
    private long nanos;
    private long executionsNotSampled;
    private final CappedCounts endpoints = new CappedCounts(MAX_LABELS);
    private final CappedCounts callSites = new CappedCounts(MAX_LABELS);
    private final Map<String, CallSite> callSiteFrames = new HashMap<>();
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
        this.maxTrackedRepetitions = Math.max(2, maxRepetitionsPerUnit);
        this.repetitions = new PackedHistogram(1, maxTrackedRepetitions, 2);
    }

    /** The N+1 loops of this fingerprint in one unit of work that ended. */
    void add(NPlusOneUnit unit, List<NPlusOneLoop> unitLoops) {
        unitsByScope[unit.key().scope().ordinal()]++;
        if (unit.endpoint() != null) {
            endpoints.add(unit.endpoint(), 1);
        }
        long inUnit = 0;
        for (NPlusOneLoop loop : unitLoops) {
            loops++;
            inUnit += loop.executions();
            nanos += loop.nanos();
            if (loop.callSite() != null) {
                String label = loop.callSite().toString();
                callSites.add(label, loop.executions());
                if (callSiteFrames.size() < MAX_LABELS) {
                    callSiteFrames.putIfAbsent(label, loop.callSite());
                }
            } else {
                executionsNotSampled += loop.executions();
            }
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
        executions += inUnit;
        maxRepetitions = Math.max(maxRepetitions, inUnit);
        repetitions.recordValue(Math.max(1, Math.min(maxTrackedRepetitions, inUnit)));
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    long units() {
        long units = 0;
        for (long n : unitsByScope) {
            units += n;
        }
        return units;
    }

    /** The kinds of unit the loops ran in, widest first. */
    List<UnitOfWorkKey.Scope> scopes() {
        List<UnitOfWorkKey.Scope> scopes = new ArrayList<>();
        for (UnitOfWorkKey.Scope scope : UnitOfWorkKey.Scope.values()) {
            if (unitsByScope[scope.ordinal()] > 0) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    long loops() {
        return loops;
    }

    long executions() {
        return executions;
    }

    double millis() {
        return nanos / 1_000_000.0;
    }

    long maxRepetitions() {
        return maxRepetitions;
    }

    /** The typical unit's repetitions: the median (the lower one of an even count). */
    long medianRepetitions() {
        return repetitions.getValueAtPercentile(50);
    }

    CappedCounts endpoints() {
        return endpoints;
    }

    /** The loops' call sites, most executions first; empty when none was sampled. */
    List<CallSiteCount> callSites() {
        List<CallSiteCount> sites = new ArrayList<>();
        callSites.labels().forEach(site -> sites.add(CallSiteCount.of(callSiteFrames.get(site), callSites.count(site))));
        if (callSites.others() > 0) {
            sites.add(CallSiteCount.others(callSites.others()));
        }
        return sites;
    }

    /** Executions in loops none of whose executions had its call site sampled. */
    long executionsNotSampled() {
        return executionsNotSampled;
    }

    /** The query that most loops followed, or {@code null} when no loop followed one. */
    Source source() {
        return sources.values().stream()
                .max(Comparator.comparingLong((SourceTally s) -> s.loops)
                        .thenComparing(s -> s.query.id(), Comparator.reverseOrder()))
                .map(s -> new Source(s.query, s.rowsKnown == 0 ? -1 : Math.round((double) s.rows / s.rowsKnown)))
                .orElse(null);
    }

    /** The statement rewritten to load every key at once; parsed on first use only. */
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
