package io.queryadvisor.advisor.rules.writethenupdate;

import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.support.CallSiteTally;
import io.queryadvisor.advisor.rules.support.EndedUnit;
import io.queryadvisor.advisor.rules.support.UnitTally;

/**
 * Everything the rule found of one UPDATE shape over the units of work in which it set the key of
 * rows just inserted. Bounded: a histogram and at most {@value #MAX_LABELS} endpoints and call sites.
 */
final class WriteThenUpdateEvidence {

    static final int MAX_LABELS = 8;

    private final Fingerprint update;
    private final Fingerprint insert;
    private final UnitTally units;
    private final CallSiteTally updateSites = new CallSiteTally(MAX_LABELS);
    private final CallSiteTally insertSites = new CallSiteTally(MAX_LABELS);
    private long nanos;

    WriteThenUpdateEvidence(KeyUpdates first, int maxStatementsPerUnit) {
        this.update = first.update();
        this.insert = first.insert();
        this.units = new UnitTally(maxStatementsPerUnit, MAX_LABELS);
    }

    void add(EndedUnit unit, KeyUpdates updates) {
        units.record(unit, updates.pairs());
        nanos += updates.nanos();
        updateSites.add(updates.updateSite(), updates.pairs());
        insertSites.add(updates.insertSite(), updates.pairs());
    }

    Fingerprint update() {
        return update;
    }

    /** The INSERT the first pairs followed. */
    Fingerprint insert() {
        return insert;
    }

    /** The units, with the pairs in each; their total is the pairs seen. */
    UnitTally units() {
        return units;
    }

    /** Time the UPDATEs took: what writing the key in the INSERT saves. */
    double updateMillis() {
        return nanos / 1_000_000.0;
    }

    CallSiteTally updateSites() {
        return updateSites;
    }

    CallSiteTally insertSites() {
        return insertSites;
    }
}
