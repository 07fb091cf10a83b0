package io.queryadvisor.capture.pool;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.queryadvisor.advisor.pool.PoolView;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.capture.QueryAdvisor;
import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestSchema;

/**
 * A HikariCP pool on the test PostgreSQL, captured by an advisor of its own (the library's way,
 * as an application without the agent does), and the waits the pool tests need: every wait is on
 * an outcome, with a deadline far above any machine's speed, never a fixed sleep.
 */
final class PooledAdvisor implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    final String poolName;
    final HikariDataSource pool;
    final QueryAdvisor queryAdvisor;
    final DataSource dataSource;

    private PooledAdvisor(String poolName, HikariDataSource pool, QueryAdvisor queryAdvisor) {
        this.poolName = poolName;
        this.pool = pool;
        this.queryAdvisor = queryAdvisor;
        this.dataSource = queryAdvisor.capture(pool);
    }

    /**
     * @param size     the pool's maximum (and minimum idle: a fixed-size pool)
     * @param settings the advisor's, as key/value pairs
     */
    static PooledAdvisor start(Class<?> test, int size, Duration connectionTimeout, String... settings)
            throws SQLException {
        TestSchema schema = TestDatabase.shared().freshSchema(test);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(schema.jdbcUrl());
        config.setUsername(schema.user());
        config.setPassword(schema.password());
        config.setPoolName(test.getSimpleName());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        Map<String, String> values = Arrays.stream(pairs(settings)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
        return new PooledAdvisor(test.getSimpleName(), new HikariDataSource(config), QueryAdvisor.start(values));
    }

    private static String[][] pairs(String... keysAndValues) {
        String[][] pairs = new String[keysAndValues.length / 2][];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new String[] {keysAndValues[2 * i], keysAndValues[2 * i + 1]};
        }
        return pairs;
    }

    /** Waits until the pool has opened all its connections: no checkout then waits for one being made. */
    PooledAdvisor awaitFull() {
        int size = pool.getMaximumPoolSize();
        await(() -> pool.getHikariPoolMXBean().getTotalConnections() == size, "the pool to open its " + size
                + " connections");
        return this;
    }

    /** The pool as published once {@code condition} holds. */
    PoolView awaitPool(Predicate<PoolView> condition, String what) {
        await(() -> {
            PoolView view = queryAdvisor.advisor().pools().pool(poolName);
            return view != null && condition.test(view);
        }, what);
        return queryAdvisor.advisor().pools().pool(poolName);
    }

    /** The finding of {@code rule} about this pool, once published. */
    Recommendation awaitFinding(String rule) {
        await(() -> finding(rule).isPresent(), "a " + rule + " finding");
        return finding(rule).orElseThrow();
    }

    Optional<Recommendation> finding(String rule) {
        return findings().stream().filter(r -> r.rule().equals(rule)).findFirst();
    }

    List<Recommendation> findings() {
        return queryAdvisor.advisor().recommendations();
    }

    /** Waits until everything captured so far is analysed and published. */
    void awaitIdle() {
        if (!queryAdvisor.advisor().awaitIdle(DEADLINE)) {
            throw new AssertionError("the advisor did not go idle within " + DEADLINE);
        }
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + DEADLINE);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        pool.close();
        queryAdvisor.close();
    }
}
