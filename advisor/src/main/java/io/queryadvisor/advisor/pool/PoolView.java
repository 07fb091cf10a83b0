package io.queryadvisor.advisor.pool;

import java.util.List;

/**
 * Everything known of one pool or data source at one publication: its configuration and gauges
 * over time (when the pool is sampled), and what the application's checkouts cost. Immutable; the
 * read API of pool usage for the dashboard, the rules and metrics exporters (the
 * {@code hikaricp.connections.*} gauges are {@link #latest()}'s and {@link #settings()}' fields).
 *
 * @param name                    the pool's name (HikariCP's poolName), or the data source's class
 * @param sampled                 whether its gauges are read from the pool itself
 * @param settings                its configuration ({@link PoolSettings#UNKNOWN} when not sampled)
 * @param latest                  the last second's point, or {@code null} before the first
 * @param series                  one point a second, the last 15 minutes at most, oldest first
 * @param acquire                 time to get a connection, over all checkouts
 * @param hold                    time the application held one
 * @param concurrent              connections out at each acquisition, that one included
 * @param maxWaiting              most threads seen waiting at once (-1: the pool does not say)
 * @param maxWaitingAtEpochMillis when that was first seen (0 if never)
 * @param secondsWithWaiting      sampled seconds in which a thread waited
 * @param secondsSampled          seconds the pool's gauges were read
 * @param maxActive               most connections seen active at once, by the pool's own count
 * @param meanIdleShare           average share (0..1) of the pool's connections that were idle
 * @param acquireFailures         getConnection calls that threw
 * @param timeouts                of those, the pool's acquisition timeouts
 * @param lastTimeoutEpochMillis  when the last one happened (0 if never)
 * @param statements              statements run on its connections
 * @param queryTimeoutsSet        query timeouts (above 0) the application set on statements of its connections
 * @param callSites               acquisitions by acquiring call site, most hold time first (bounded)
 * @param endpoints               acquisitions by endpoint, most hold time first (bounded)
 * @param longestHolders          the longest checkouts, open ones included, longest first
 * @param transactionsPerRequest  transactions each request that used this source ran
 */
public record PoolView(String name, boolean sampled, PoolSettings settings, PoolSample latest, List<PoolSample> series,
                       DurationSummary acquire, DurationSummary hold, CountSummary concurrent, int maxWaiting,
                       long maxWaitingAtEpochMillis, long secondsWithWaiting, long secondsSampled, int maxActive,
                       double meanIdleShare, long acquireFailures, long timeouts, long lastTimeoutEpochMillis,
                       long statements, long queryTimeoutsSet, List<CallSiteUsage> callSites,
                       List<CallSiteUsage> endpoints, List<Holder> longestHolders, CountSummary transactionsPerRequest) {

    public PoolView {
        series = List.copyOf(series);
        callSites = List.copyOf(callSites);
        endpoints = List.copyOf(endpoints);
        longestHolders = List.copyOf(longestHolders);
    }
}
