package io.queryadvisor.capture.pool;

import static io.queryadvisor.capture.pool.PoolReader.integer;
import static io.queryadvisor.capture.pool.PoolReader.number;

import io.queryadvisor.advisor.capture.PoolSampled;
import io.queryadvisor.advisor.pool.PoolSettings;

/**
 * Apache Commons DBCP2's {@code BasicDataSource}: active and idle from its getters; it does not
 * say how many threads wait ({@code waiting} is -1: acquire times tell instead). A negative
 * maxWait means "for ever", reported as 0 (off), as HikariCP's.
 */
final class Dbcp2PoolReader implements PoolReader {

    static final String DATA_SOURCE = "org.apache.commons.dbcp2.BasicDataSource";

    @Override
    public PoolSampled read(Object dataSource, String name, long nowNanos) throws ReflectiveOperationException {
        int active = integer(dataSource, "getNumActive");
        int idle = integer(dataSource, "getNumIdle");
        long maxWait = number(dataSource, "getMaxWaitMillis");
        PoolSettings settings = new PoolSettings(integer(dataSource, "getMaxTotal"), integer(dataSource, "getMinIdle"),
                maxWait < 0 ? 0 : maxWait, number(dataSource, "getMaxConnLifetimeMillis"),
                number(dataSource, "getMinEvictableIdleTimeMillis"), -1);
        return new PoolSampled(name, active + idle, active, idle, -1, settings, nowNanos);
    }
}
