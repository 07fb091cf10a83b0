package io.queryadvisor.advisor.rules.missingindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.probe.DatabaseConnector;
import io.queryadvisor.advisor.probe.LogRecorder;
import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestSchema;

/**
 * Whatever goes wrong while the rule examines queries (a table dropped, a lock held past the
 * timeout, the probe's connection lost), the rule goes on with the next query, and each kind of
 * failure is logged once.
 */
class MissingIndexProbeFailuresTest {

    private static final String FOUND = "SELECT id FROM orders WHERE k = ?";
    private static TestSchema schema;
    private final List<Long> probePids = new CopyOnWriteArrayList<>();
    private MissingIndexHarness harness;
    private LogRecorder log;

    @BeforeAll
    static void tables() throws SQLException {
        schema = TestDatabase.shared().freshSchema(MissingIndexProbeFailuresTest.class);
        execute("CREATE EXTENSION IF NOT EXISTS hypopg SCHEMA public",
                "CREATE TABLE orders (id integer NOT NULL, k integer NOT NULL)",
                "INSERT INTO orders SELECT n, n % 1000 FROM generate_series(1, 100000) n", "ANALYZE orders",
                "CREATE TABLE locked (id integer NOT NULL, k integer NOT NULL)");
    }

    @BeforeEach
    void start() {
        log = LogRecorder.attach();
        DatabaseConnector recording = () -> {
            Connection c = schema.connect();
            probePids.add(queryLong(c, "SELECT pg_backend_pid()"));
            return c;
        };
        harness = new MissingIndexHarness("PostgreSQL 15", recording);
    }

    @AfterEach
    void stop() {
        harness.close();
        log.close();
    }

    @Test
    void survivesExplainingADroppedTableAndLogsItOnce() throws SQLException {
        execute("CREATE TABLE doomed (id integer, k integer)", "DROP TABLE doomed");

        harness.ran(50, "SELECT id FROM doomed WHERE k = ?", 1).ran(40, "SELECT k FROM doomed WHERE id = ?", 1)
                .awaitExaminations(2);
        harness.ran(1, FOUND, 5).awaitExaminations(3);

        assertThat(harness.counter("examinationsFailed")).isEqualTo(2);
        assertThat(harness.findings()).hasSize(1);
        assertThat(log.messagesContaining("MISSING_OBJECT")).hasSize(1);
    }

    @Test
    void survivesALockHeldPastTheLockTimeoutAndLogsItOnce() throws SQLException {
        try (Connection holder = schema.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE locked IN ACCESS EXCLUSIVE MODE"); // as a running ALTER TABLE would
            harness.ran(50, "SELECT id FROM locked WHERE k = ?", 1).ran(40, "SELECT k FROM locked WHERE id = ?", 1)
                    .awaitExaminations(2);
            holder.rollback();
        }
        harness.ran(1, FOUND, 5).awaitExaminations(3);

        assertThat(harness.counter("examinationsFailed")).isEqualTo(2);
        assertThat(harness.findings()).hasSize(1);
        assertThat(log.messagesContaining("TIMEOUT")).hasSize(1);
    }

    @Test
    void survivesTheLossOfItsConnectionAndLogsItOnce() throws SQLException {
        harness.ran(1, "SELECT k FROM orders WHERE id = ?", 1).awaitExaminations(1);
        terminate(probePids.get(0));

        harness.ran(1, FOUND, 5).awaitExaminations(2);
        harness.ran(1, "SELECT id FROM orders WHERE k = ? AND id > ?", 5, 10).awaitExaminations(3);

        // the first and the third (the table has no key at all); the second met the lost connection
        assertThat(harness.counter("examinationsFailed")).isEqualTo(1);
        assertThat(harness.findings()).extracting(r -> r.fingerprint())
                .containsExactlyInAnyOrder("SELECT k FROM orders WHERE id = ?", "SELECT id FROM orders WHERE k = ? AND id > ?");
        assertThat(probePids).hasSize(2);
        assertThat(log.messagesContaining("CONNECTION_LOST")).hasSize(1);
    }

    private static void terminate(long pid) throws SQLException {
        execute("SELECT pg_terminate_backend(" + pid + ")");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Connection c = schema.connect()) {
            while (queryLong(c, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) > 0) {
                assertThat(System.nanoTime()).as("backend %s gone", pid).isLessThan(deadline);
                LockSupport.parkNanos(10_000_000);
            }
        }
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection c = schema.connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
