package io.queryadvisor.capture.pool;

import static io.queryadvisor.capture.pool.PoolReader.call;
import static io.queryadvisor.capture.pool.PoolReader.integer;
import static io.queryadvisor.capture.pool.PoolReader.number;

import io.queryadvisor.advisor.capture.PoolSampled;
import io.queryadvisor.advisor.pool.PoolSettings;

/**
 * HikariCP: the gauges from its {@code HikariPoolMXBean} (the data source's
 * {@code getHikariPoolMXBean()}: plain field reads inside the pool), the settings from the data
 * source itself, a {@code HikariConfig} (they may change at run time through its MXBean).
 */
final class HikariPoolReader implements PoolReader {

    static final String DATA_SOURCE = "com.zaxxer.hikari.HikariDataSource";

    @Override
    public PoolSampled read(Object dataSource, String name, long nowNanos) throws ReflectiveOperationException {
        Object pool = call(dataSource, "getHikariPoolMXBean");
        if (pool == null) {
            return null; // started lazily, on the first getConnection
        }
        PoolSettings settings = new PoolSettings(integer(dataSource, "getMaximumPoolSize"),
                integer(dataSource, "getMinimumIdle"), number(dataSource, "getConnectionTimeout"),
                number(dataSource, "getMaxLifetime"), number(dataSource, "getIdleTimeout"),
                number(dataSource, "getLeakDetectionThreshold"));
        return new PoolSampled(name, integer(pool, "getTotalConnections"), integer(pool, "getActiveConnections"),
                integer(pool, "getIdleConnections"), integer(pool, "getThreadsAwaitingConnection"), settings, nowNanos);
    }
}
