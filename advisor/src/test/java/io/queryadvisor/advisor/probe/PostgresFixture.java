package io.queryadvisor.advisor.probe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestSchema;

/** A schema of the test's own on the test PostgreSQL, and what the probe tests do there. */
final class PostgresFixture {

    static final String PRODUCT = "PostgreSQL 15";
    /** A guard against a hang, far beyond how long a terminated backend takes to go. */
    private static final Duration GONE_GUARD = Duration.ofSeconds(60);

    final TestSchema schema;

    PostgresFixture(Class<?> testClass) {
        this.schema = TestDatabase.shared().freshSchema(testClass);
    }

    void execute(String... statements) throws SQLException {
        try (Connection c = schema.connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    long queryLong(String sql) throws SQLException {
        try (Connection c = schema.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    RecordingConnector connector() {
        return RecordingConnector.postgres(schema::connect);
    }

    /** A table of {@code rows} rows, no index: {@code id}, {@code k = id % 1000}, {@code name}; analyzed. */
    void bigTable(String table, int rows) throws SQLException {
        execute("DROP TABLE IF EXISTS " + table,
                "CREATE TABLE " + table + " (id integer NOT NULL, k integer NOT NULL, name text NOT NULL)",
                "INSERT INTO " + table + " SELECT g, g % 1000, 'name ' || g FROM generate_series(1, " + rows + ") g",
                "ANALYZE " + table);
    }

    /** Ends a backend and waits until it is gone, so that the next use of its connection surely fails. */
    void terminate(long pid) throws SQLException {
        execute("SELECT pg_terminate_backend(" + pid + ")");
        awaitGone(pid);
    }

    /** Waits until no backend has {@code pid}; fails after a generous guard. */
    void awaitGone(long pid) throws SQLException {
        long deadline = System.nanoTime() + GONE_GUARD.toNanos();
        while (queryLong("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("backend " + pid + " still there after " + GONE_GUARD);
            }
            LockSupport.parkNanos(10_000_000);
        }
    }
}
