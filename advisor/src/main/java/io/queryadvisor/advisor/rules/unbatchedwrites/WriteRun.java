package io.queryadvisor.advisor.rules.unbatchedwrites;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.fingerprint.Fingerprint;

/** Executions of one write statement one after the other, one row each: a loop a batch would replace. */
final class WriteRun {

    private final Fingerprint fingerprint;
    private final String dataSource;
    private int statements;
    private long nanos;
    private CallSite callSite;

    WriteRun(Fingerprint fingerprint, StatementExecuted first) {
        this.fingerprint = fingerprint;
        this.dataSource = first.source();
    }

    void record(StatementExecuted e) {
        statements++;
        nanos += Math.max(0, e.durationNanos());
        if (callSite == null) {
            callSite = e.callSite();
        }
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    String dataSource() {
        return dataSource;
    }

    int statements() {
        return statements;
    }

    long nanos() {
        return nanos;
    }

    /** The first sampled call site, or {@code null}: a run comes from one loop. */
    CallSite callSite() {
        return callSite;
    }

    /** Round trips one batch per {@code batchSize} statements would have saved. */
    long roundTripsSaved(int batchSize) {
        return statements - (statements + batchSize - 1L) / batchSize;
    }
}
