package io.queryadvisor.advisor.pool;

/**
 * A pool's configuration as its sampler read it; -1 for what the pool does not say. Durations in
 * milliseconds, 0 where the pool means "off" (HikariCP's leakDetectionThreshold, idleTimeout).
 *
 * @param maximumPoolSize              most connections the pool opens
 * @param minimumIdle                  idle connections it keeps at least
 * @param connectionTimeoutMillis      longest a thread waits for a connection before an exception
 *                                     (HikariCP's connectionTimeout, DBCP2's maxWait; 0 or less: forever)
 * @param maxLifetimeMillis            a connection's longest life in the pool
 * @param idleTimeoutMillis            an idle connection's longest life above the minimum
 * @param leakDetectionThresholdMillis HikariCP's own leak warning threshold
 */
public record PoolSettings(int maximumPoolSize, int minimumIdle, long connectionTimeoutMillis, long maxLifetimeMillis,
                           long idleTimeoutMillis, long leakDetectionThresholdMillis) {

    /** Nothing known. */
    public static final PoolSettings UNKNOWN = new PoolSettings(-1, -1, -1, -1, -1, -1);
}
