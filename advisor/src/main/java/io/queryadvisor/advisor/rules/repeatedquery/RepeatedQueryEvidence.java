package io.queryadvisor.advisor.rules.repeatedquery;

import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.support.CallSiteTally;
import io.queryadvisor.advisor.rules.support.EndedUnit;
import io.queryadvisor.advisor.rules.support.UnitTally;

/**
 * Everything the rule found of one fingerprint over the units of work that repeated it: what its
 * finding shows. Bounded: a histogram and at most {@value #MAX_LABELS} endpoints and call sites.
 */
final class RepeatedQueryEvidence {

    static final int MAX_LABELS = 8;

    private final Fingerprint fingerprint;
    private final UnitTally units;
    private final CallSiteTally callSites = new CallSiteTally(MAX_LABELS);
    private long hits;
    private long hitNanos;
    private long unitsWrittenBetween;
    private long boundUnits;
    private String dataSource;

    RepeatedQueryEvidence(Fingerprint fingerprint, int maxExecutionsPerUnit) {
        this.fingerprint = fingerprint;
        this.units = new UnitTally(maxExecutionsPerUnit, MAX_LABELS);
    }

    void add(EndedUnit unit, RepeatedReads reads) {
        units.record(unit, reads.executions());
        hits += reads.hits();
        hitNanos += reads.hitNanos();
        if (reads.writtenBetween()) {
            unitsWrittenBetween++;
        }
        if (reads.bound()) {
            boundUnits++;
        }
        callSites.add(reads.callSite(), reads.executions());
        if (dataSource == null) {
            dataSource = reads.dataSource();
        }
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    /** The units that repeated it, with its executions in each. */
    UnitTally units() {
        return units;
    }

    /** Executions a cache would have served. */
    long hits() {
        return hits;
    }

    double hitMillis() {
        return hitNanos / 1_000_000.0;
    }

    /** Units in which one of the tables it reads was written between two of its executions. */
    long unitsWrittenBetween() {
        return unitsWrittenBetween;
    }

    /** Whether it ran without any bind value in every unit: one result for everyone. */
    boolean unbound() {
        return boundUnits == 0;
    }

    CallSiteTally callSites() {
        return callSites;
    }

    String dataSource() {
        return dataSource;
    }
}
