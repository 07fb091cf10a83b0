package io.queryadvisor.advisor.pool;

/**
 * One second of a pool, one point of its time series. The gauges are the pool's own (-1 when the
 * pool is not sampled, a plain data source); the rest comes from the application's checkouts.
 *
 * @param epochMillis      when
 * @param total            connections the pool holds
 * @param active           connections handed out, as the pool counts them
 * @param idle             connections waiting in the pool
 * @param waiting          threads waiting for a connection
 * @param checkedOut       the application's connections out, counted from its checkouts
 * @param acquireP95Millis p95 of the acquisitions in that second (0 when none)
 * @param holdP95Millis    p95 of the checkouts that ended in that second (0 when none)
 * @param acquisitions     checkouts in that second
 * @param timeouts         acquisitions that failed in that second
 */
public record PoolSample(long epochMillis, int total, int active, int idle, int waiting, int checkedOut,
                         double acquireP95Millis, double holdP95Millis, long acquisitions, long timeouts) {
}
