package io.queryadvisor.capture.pool;

import java.lang.reflect.Method;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.queryadvisor.advisor.capture.PoolSampled;

/**
 * Reads one kind of pool's gauges and settings through its own public, read-only getters, by
 * reflection (the agent carries no pool library). Methods are looked up on each read, never kept:
 * a kept {@link Method} would pin the pool's class, and its class loader, after the pool is gone;
 * one look-up a second per pool costs microseconds.
 */
interface PoolReader {

    /** The pool's state now, or {@code null} when it cannot say yet (HikariCP before its first checkout). */
    PoolSampled read(Object pool, String name, long nowNanos) throws ReflectiveOperationException;

    /** The reader for {@code dataSource}'s kind of pool, or {@code null} when it is not one we sample. */
    static PoolReader of(Object dataSource) {
        for (Class<?> c = dataSource.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(HikariPoolReader.DATA_SOURCE)) {
                return new HikariPoolReader();
            }
            if (c.getName().equals(Dbcp2PoolReader.DATA_SOURCE)) {
                return new Dbcp2PoolReader();
            }
        }
        return null;
    }

    /**
     * The pool we can read that {@code dataSource} is or wraps ({@link java.sql.Wrapper#unwrap}, which
     * Spring's data-source proxies and most others answer for their target), else {@code dataSource}.
     */
    static Object poolBehind(DataSource dataSource) {
        if (of(dataSource) != null) {
            return dataSource;
        }
        for (String poolClass : new String[] {HikariPoolReader.DATA_SOURCE, Dbcp2PoolReader.DATA_SOURCE}) {
            try {
                Class<?> type = Class.forName(poolClass, false, dataSource.getClass().getClassLoader());
                if (dataSource.isWrapperFor(type)) {
                    return dataSource.unwrap(type);
                }
            } catch (ClassNotFoundException | SQLException | RuntimeException | LinkageError e) {
                // not that kind of pool, or a wrapper that cannot say: try the next
            }
        }
        return dataSource;
    }

    static Object call(Object target, String getter) throws ReflectiveOperationException {
        return target.getClass().getMethod(getter).invoke(target);
    }

    static int integer(Object target, String getter) throws ReflectiveOperationException {
        return ((Number) call(target, getter)).intValue();
    }

    static long number(Object target, String getter) throws ReflectiveOperationException {
        return ((Number) call(target, getter)).longValue();
    }
}
