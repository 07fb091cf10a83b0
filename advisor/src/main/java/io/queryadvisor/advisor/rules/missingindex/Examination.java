package io.queryadvisor.advisor.rules.missingindex;

import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.probe.ExplainRequest;
import io.queryadvisor.advisor.probe.ExplainResult;
import io.queryadvisor.advisor.probe.TableFactsResult;

/**
 * One query's examination while the probe works on it: EXPLAIN, then (PostgreSQL) the table's
 * catalog facts, then the index tried with hypopg. Each answer moves it on; it holds the sampled
 * values only until it ends.
 */
final class Examination {

    final ExplainRequest explain;
    final Dialect dialect;
    final long startedNanos;
    private long probeNanos;
    ExplainResult explained;
    ScanCandidate scan;
    TableFactsResult facts;
    IndexCandidate candidate;

    Examination(ExplainRequest explain, Dialect dialect, long startedNanos) {
        this.explain = explain;
        this.dialect = dialect;
        this.startedNanos = startedNanos;
    }

    void probeWorked(long nanos) {
        probeNanos += nanos;
    }

    double probeMillis() {
        return probeNanos / 1_000_000.0;
    }
}
