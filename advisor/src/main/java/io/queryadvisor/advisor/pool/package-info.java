/**
 * Connection pool usage: what each pool's gauges said over the last minutes ({@code PoolSampled}),
 * and what the application's checkouts cost ({@code ConnectionAcquired}, {@code ConnectionReleased},
 * {@code ConnectionAcquireFailed}): acquire and hold times, concurrent connections, timeouts, by
 * call site and endpoint. Aggregated on the advisor's consumer thread by {@link
 * io.queryadvisor.advisor.pool.PoolUsage}, published as immutable {@link
 * io.queryadvisor.advisor.pool.PoolsSnapshot}s for the dashboard, the rules and metrics exporters.
 */
package io.queryadvisor.advisor.pool;
