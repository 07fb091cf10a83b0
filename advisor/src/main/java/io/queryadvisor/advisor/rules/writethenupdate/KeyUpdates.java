package io.queryadvisor.advisor.rules.writethenupdate;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.fingerprint.Fingerprint;

/** The UPDATEs of one shape in one unit of work that each set the key of a row inserted just before. */
final class KeyUpdates {

    private final Fingerprint update;
    private final Fingerprint insert;
    private final CallSite insertSite;
    private long pairs;
    private long nanos;
    private CallSite updateSite;

    KeyUpdates(Fingerprint update, Fingerprint insert, CallSite insertSite) {
        this.update = update;
        this.insert = insert;
        this.insertSite = insertSite;
    }

    /** {@code e} set the key of {@code rows} inserted rows. */
    void record(StatementExecuted e, long rows) {
        pairs += rows;
        nanos += Math.max(0, e.durationNanos());
        if (updateSite == null) {
            updateSite = e.callSite();
        }
    }

    Fingerprint update() {
        return update;
    }

    Fingerprint insert() {
        return insert;
    }

    long pairs() {
        return pairs;
    }

    long nanos() {
        return nanos;
    }

    CallSite updateSite() {
        return updateSite;
    }

    CallSite insertSite() {
        return insertSite;
    }
}
