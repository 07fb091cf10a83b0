package io.queryadvisor.advisor.rules;

import java.util.HashMap;
import java.util.Map;

import io.queryadvisor.advisor.stats.QueryStats;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;

/** What a rule may read when it makes its recommendations: the statistics of the whole workload. */
public final class RuleContext {

    private final WorkloadSnapshot workload;
    private final Map<String, QueryStats> byFingerprint = new HashMap<>();
    private final double totalMillis;

    public RuleContext(WorkloadSnapshot workload) {
        this.workload = workload;
        double total = 0;
        for (QueryStats q : workload.queries()) {
            byFingerprint.put(q.fingerprintId(), q);
            total += q.totalMillis();
        }
        this.totalMillis = total;
    }

    public WorkloadSnapshot workload() {
        return workload;
    }

    /** The statistics of one fingerprint, or {@code null} if it is not (or no longer) tracked. */
    public QueryStats stats(String fingerprintId) {
        return byFingerprint.get(fingerprintId);
    }

    /** Time spent in all tracked statements. */
    public double totalMillis() {
        return totalMillis;
    }

    /** The share (0..1) of all statement time that {@code millis} represents. */
    public double shareOf(double millis) {
        return totalMillis <= 0 ? 0 : millis / totalMillis;
    }
}
