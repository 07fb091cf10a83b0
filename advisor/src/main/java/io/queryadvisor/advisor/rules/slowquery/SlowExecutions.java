package io.queryadvisor.advisor.rules.slowquery;

import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.fingerprint.Fingerprint;

/**
 * What the statistics lack about one fingerprint's executions over the threshold: how many, their
 * time, the slowest one's call site, and whether the statement looks a row up by its primary key
 * (from its fingerprint's facts, kept here so that the suggestion can say so without a parse).
 */
final class SlowExecutions {

    long count;
    long totalNanos;
    long slowestNanos = -1;
    String slowestCallSite;
    boolean keyLookup;

    void record(StatementExecuted e, Fingerprint fp) {
        count++;
        totalNanos += e.durationNanos();
        keyLookup = fp.facts().looksUpById();
        if (e.durationNanos() > slowestNanos) {
            slowestNanos = e.durationNanos();
            slowestCallSite = e.callSite() == null ? "(not sampled)" : e.callSite().toString();
        }
    }
}
