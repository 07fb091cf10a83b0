package io.queryadvisor.advisor.probe;

import static io.queryadvisor.advisor.probe.ProbeHarness.explain;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.probe.ProbeFailure.Kind;

/**
 * Whatever goes wrong (a table dropped, a lock held, a connection lost), the probe answers with a
 * failure, logs the first of each kind once, and the next request works.
 */
class ProbeFailuresOnPostgresTest {

    private static PostgresFixture db;
    private ProbeHarness harness;
    private RecordingConnector connector;
    private LogRecorder log;

    @BeforeAll
    static void schema() throws SQLException {
        db = new PostgresFixture(ProbeFailuresOnPostgresTest.class);
        db.execute("CREATE TABLE items (id integer PRIMARY KEY, name text)");
    }

    @BeforeEach
    void start() {
        log = LogRecorder.attach();
        connector = db.connector();
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        log.close();
    }

    private ProbeHarness probe(String... settings) {
        harness = new ProbeHarness(ProbeHarness.config(settings))
                .identify(PostgresFixture.PRODUCT, connector);
        return harness;
    }

    private void works() throws InterruptedException {
        harness.answer(explain("SELECT * FROM items WHERE id = ?", 1), ExplainResult.class);
    }

    @Test
    void survivesADroppedTableAndLogsItOnce() throws Exception {
        probe();
        db.execute("CREATE TABLE doomed (id integer)");
        db.execute("DROP TABLE doomed");

        ProbeFailure first = harness.failure(explain("SELECT * FROM doomed WHERE id = ?", 1));
        ProbeFailure second = harness.failure(explain("SELECT * FROM doomed"));

        assertThat(first.kind()).isEqualTo(Kind.MISSING_OBJECT);
        assertThat(first.message()).contains("42P01").contains("doomed");
        assertThat(second.kind()).isEqualTo(Kind.MISSING_OBJECT);
        assertThat(log.messagesContaining("MISSING_OBJECT")).hasSize(1);
        works();
    }

    @Test
    void givesUpWaitingForALockAfterTheLockTimeout() throws Exception {
        probe();
        try (Connection holder = db.schema.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE"); // as a running ALTER TABLE would

            ProbeFailure failure = harness.failure(explain("SELECT * FROM items WHERE id = ?", 1));

            assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(failure.message()).contains("55P03"); // lock_not_available
            holder.rollback();
        }
        works();
    }

    @Test
    void givesUpAfterTheStatementTimeout() throws Exception {
        // planning a statement never takes long: a lock wait, with a longer lock timeout, stands in for it
        probe("probe.statementTimeout", "300ms", "probe.lockTimeout", "10m");
        try (Connection holder = db.schema.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE");

            ProbeFailure failure = harness.failure(explain("SELECT * FROM items WHERE id = ?", 1));

            assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(failure.message()).contains("57014"); // query_canceled: statement timeout
            holder.rollback();
        }
        works();
    }

    @Test
    void reportsALostConnectionThenOpensANewOne() throws Exception {
        probe();
        works();
        long first = connector.lastId();
        db.terminate(first);

        ProbeFailure failure = harness.failure(explain("SELECT * FROM items WHERE id = ?", 1));

        assertThat(failure.kind()).isEqualTo(Kind.CONNECTION_LOST);
        works();
        assertThat(connector.serverIds).hasSize(2);
        assertThat(connector.lastId()).isNotEqualTo(first);
    }

    @Test
    void logsLostConnectionsOnce() throws Exception {
        probe();
        for (int i = 0; i < 2; i++) {
            works();
            db.terminate(connector.lastId());
            assertThat(harness.failure(explain("SELECT 1")).kind()).isEqualTo(Kind.CONNECTION_LOST);
        }

        assertThat(log.messagesContaining("CONNECTION_LOST")).hasSize(1);
        assertThat(harness.probe.counters().failures()).containsEntry("CONNECTION_LOST", 2L);
    }

    @Test
    void withholdsTheDatabasesMessageWhenItCouldQuoteBindValues() throws Exception {
        probe();

        ProbeFailure failure = harness.failure(explain("SELECT * FROM items WHERE id = CAST(? AS integer)",
                "secret-value"));

        assertThat(failure.kind()).isEqualTo(Kind.STATEMENT_FAILED);
        assertThat(failure.message()).contains("22P02").contains("withheld").doesNotContain("secret-value");
        assertThat(log.messages()).noneMatch(m -> m.contains("secret-value"));
    }

    @Test
    void closesItsConnectionWhenIdle() throws Exception {
        probe("probe.idleTimeout", "1ms");
        works();

        db.awaitGone(connector.lastId());
        works(); // and opens a new one when asked again
        assertThat(connector.serverIds).hasSize(2);
    }

    @Test
    void closesItsConnectionWhenClosed() throws Exception {
        probe();
        works();

        harness.close();

        db.awaitGone(connector.lastId());
    }
}
