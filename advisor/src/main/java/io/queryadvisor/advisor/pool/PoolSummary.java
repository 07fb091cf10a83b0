package io.queryadvisor.advisor.pool;

/**
 * One pool or data source over the whole run, as the reports show it: its settings, what its
 * sampled gauges came to, and what the application's checkouts waited and held. A {@link PoolView}
 * without its time series, call sites and holders: a report is read after the fact, where the
 * dashboard's charts are not.
 *
 * @param name                    the pool's name, or the data source's class
 * @param sampled                 whether its gauges were read from the pool itself
 * @param settings                its configuration ({@link PoolSettings#UNKNOWN} when not sampled)
 * @param secondsSampled          seconds its gauges were read
 * @param maxActive               most connections active at once, by the pool's own count (0 when not sampled)
 * @param maxWaiting              most threads waiting at once (-1: the pool does not say, or is not sampled)
 * @param secondsWithWaiting      sampled seconds in which a thread waited
 * @param meanIdleShare           average share (0..1) of its connections that were idle
 * @param acquisitions            connections the application got
 * @param acquireP95Millis        95th percentile of the time to get one
 * @param acquireMaxMillis        the longest time to get one
 * @param holdP95Millis           95th percentile of the time one was held
 * @param holdMaxMillis           the longest time one was held
 * @param acquireFailures         getConnection calls that threw
 * @param timeouts                of those, the pool's acquisition timeouts
 * @param statements              statements run on its connections
 * @param transactionsPerRequestP95 95th percentile of the transactions a request ran on it (0 without requests)
 */
public record PoolSummary(String name, boolean sampled, PoolSettings settings, long secondsSampled, int maxActive,
                          int maxWaiting, long secondsWithWaiting, double meanIdleShare, long acquisitions,
                          double acquireP95Millis, double acquireMaxMillis, double holdP95Millis, double holdMaxMillis,
                          long acquireFailures, long timeouts, long statements, long transactionsPerRequestP95) {

    public static PoolSummary of(PoolView pool) {
        return new PoolSummary(pool.name(), pool.sampled(), pool.settings(), pool.secondsSampled(), pool.maxActive(),
                pool.maxWaiting(), pool.secondsWithWaiting(), pool.meanIdleShare(), pool.acquire().count(),
                pool.acquire().p95Millis(), pool.acquire().maxMillis(), pool.hold().p95Millis(),
                pool.hold().maxMillis(), pool.acquireFailures(), pool.timeouts(), pool.statements(),
                pool.transactionsPerRequest().p95());
    }
}
