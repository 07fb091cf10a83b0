package io.queryadvisor.dashboard.metrics;

/**
 * One connection pool at one moment, as {@link PoolMetrics} exports it under Spring Boot Actuator's
 * {@code hikaricp.connections.*} names.
 *
 * @param name    the pool's name (HikariCP's {@code poolName}): the {@code pool} tag
 * @param active  connections handed out now
 * @param idle    connections waiting in the pool
 * @param pending threads waiting for a connection
 * @param total   connections open, active and idle
 * @param max     the configured maximum
 * @param min     the configured minimum idle
 * @param timings acquisitions and usages measured so far ({@link ConnectionTimings#NONE} when not measured)
 */
public record PoolSnapshot(String name, int active, int idle, int pending, int total, int max, int min,
                           ConnectionTimings timings) {

    public PoolSnapshot {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a pool snapshot needs the pool's name");
        }
        timings = timings == null ? ConnectionTimings.NONE : timings;
    }

    /** A pool whose connections were counted but not timed. */
    public PoolSnapshot(String name, int active, int idle, int pending, int total, int max, int min) {
        this(name, active, idle, pending, total, max, min, ConnectionTimings.NONE);
    }

    /**
     * Totals since the pool was first seen, never decreasing: exported as timers and a counter, whose
     * rates a monitoring system computes.
     *
     * @param acquisitions connections handed out
     * @param acquireNanos the time threads waited for them, added up
     * @param usages       connections given back
     * @param usageNanos   the time they were held, added up
     * @param timeouts     waits that ended without a connection
     */
    public record ConnectionTimings(long acquisitions, long acquireNanos, long usages, long usageNanos, long timeouts) {

        public static final ConnectionTimings NONE = new ConnectionTimings(0, 0, 0, 0, 0);
    }
}
