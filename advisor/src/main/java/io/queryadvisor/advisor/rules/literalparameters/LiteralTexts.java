package io.queryadvisor.advisor.rules.literalparameters;

import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.support.CallSiteTally;

/** The executions of one fingerprint sent with its values written into the text, and how many texts they were. */
final class LiteralTexts {

    static final int MAX_CALL_SITES = 8;

    private final Fingerprint fingerprint;
    private final DistinctTexts texts;
    private final CallSiteTally callSites = new CallSiteTally(MAX_CALL_SITES);
    private long executions;
    private long nanos;
    private String dataSource;

    LiteralTexts(Fingerprint fingerprint, int maxTextsCounted) {
        this.fingerprint = fingerprint;
        this.texts = new DistinctTexts(maxTextsCounted);
    }

    void record(StatementExecuted e) {
        texts.add(e.sql());
        executions++;
        nanos += Math.max(0, e.durationNanos());
        callSites.add(e.callSite(), 1);
        if (dataSource == null) {
            dataSource = e.source();
        }
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    DistinctTexts texts() {
        return texts;
    }

    long executions() {
        return executions;
    }

    double millis() {
        return nanos / 1_000_000.0;
    }

    CallSiteTally callSites() {
        return callSites;
    }

    String dataSource() {
        return dataSource;
    }
}
