package io.queryadvisor.advisor.rules.unbatchedwrites;

import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.support.CallSiteTally;
import io.queryadvisor.advisor.rules.support.EndedUnit;
import io.queryadvisor.advisor.rules.support.UnitTally;

/**
 * Everything the rule found of one write statement over the units of work that ran it row by row.
 * Bounded: a histogram and at most {@value #MAX_LABELS} endpoints and call sites.
 */
final class UnbatchedWritesEvidence {

    static final int MAX_LABELS = 8;

    private final Fingerprint fingerprint;
    private final UnitTally units;
    private final CallSiteTally callSites = new CallSiteTally(MAX_LABELS);
    private long runs;
    private long nanos;
    private long roundTripsSaved;
    private String dataSource;

    UnbatchedWritesEvidence(Fingerprint fingerprint, int maxStatementsPerUnit) {
        this.fingerprint = fingerprint;
        this.units = new UnitTally(maxStatementsPerUnit, MAX_LABELS);
    }

    /** The runs of this statement in one unit that ended. */
    void add(EndedUnit unit, Iterable<WriteRun> unitRuns, int batchSize) {
        long statements = 0;
        for (WriteRun run : unitRuns) {
            runs++;
            statements += run.statements();
            nanos += run.nanos();
            roundTripsSaved += run.roundTripsSaved(batchSize);
            callSites.add(run.callSite(), run.statements());
            if (dataSource == null) {
                dataSource = run.dataSource();
            }
        }
        units.record(unit, statements);
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    /** The units that ran it row by row, with the statements of its runs in each. */
    UnitTally units() {
        return units;
    }

    long runs() {
        return runs;
    }

    double millis() {
        return nanos / 1_000_000.0;
    }

    long roundTripsSaved() {
        return roundTripsSaved;
    }

    CallSiteTally callSites() {
        return callSites;
    }

    String dataSource() {
        return dataSource;
    }
}
