package io.queryadvisor.advisor.rules;

import java.util.HashMap;
import java.util.Map;

import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.pool.PoolsSnapshot;
import io.queryadvisor.advisor.stats.QueryStats;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;

/**
 * What a rule may read when it makes its recommendations: the statistics of the whole workload, and
 * the database behind each data source (so that a suggestion is written in its dialect), and how
 * the connection pools were used.
 */
public final class RuleContext {

    private final WorkloadSnapshot workload;
    private final Map<String, Dialect> dialects;
    private final PoolsSnapshot pools;
    private final Map<String, QueryStats> byFingerprint = new HashMap<>();
    private final double totalMillis;

    public RuleContext(WorkloadSnapshot workload) {
        this(workload, Map.of());
    }

    /** @param dialects the dialect of each data source, by source name */
    public RuleContext(WorkloadSnapshot workload, Map<String, Dialect> dialects) {
        this(workload, dialects, PoolsSnapshot.EMPTY);
    }

    /** @param pools the pools' usage, as it is being published */
    public RuleContext(WorkloadSnapshot workload, Map<String, Dialect> dialects, PoolsSnapshot pools) {
        this.workload = workload;
        this.dialects = Map.copyOf(dialects);
        this.pools = pools;
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

    /** Every pool and data source's usage: gauges, acquire and hold times, timeouts. */
    public PoolsSnapshot pools() {
        return pools;
    }

    /** The statistics of one fingerprint, or {@code null} if it is not (or no longer) tracked. */
    public QueryStats stats(String fingerprintId) {
        return byFingerprint.get(fingerprintId);
    }

    /** The dialect of the database behind {@code source}; {@link Dialect#OTHER} when not (yet) known. */
    public Dialect dialect(String source) {
        Dialect d = source == null ? null : dialects.get(source);
        return d == null ? Dialect.OTHER : d;
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
