package io.queryadvisor.advisor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.rules.testing.SchemaRuleHarness;
import io.queryadvisor.advisor.rules.unusedindex.UnusedIndexRule;

/**
 * A schema rule's check that fails (a table locked by a running ALTER, a lost connection) leaves
 * the rule as it was, is logged once by the probe, and the next check works.
 */
class SchemaCheckFailuresOnPostgresTest {

    private static PostgresFixture db;
    private SchemaRuleHarness harness;
    private RecordingConnector connector;
    private LogRecorder log;

    @BeforeAll
    static void schema() throws SQLException {
        db = new PostgresFixture(SchemaCheckFailuresOnPostgresTest.class);
        db.execute("CREATE TABLE items (id integer PRIMARY KEY, name text)", "CREATE INDEX items_name ON items (name)");
    }

    @BeforeEach
    void start() {
        log = LogRecorder.attach();
        connector = db.connector();
        harness = new SchemaRuleHarness("unused-index", UnusedIndexRule::new, "minStatsAge", "0",
                "probe.lockTimeout", "200ms").identify("pool", db.schema.jdbcUrl(), connector);
    }

    @AfterEach
    void stop() {
        harness.close();
        log.close();
    }

    private boolean flagsItemsName() throws InterruptedException {
        return SchemaRuleHarness.in(db.schema.name(), harness.check()).stream()
                .anyMatch(r -> r.id().endsWith("." + db.schema.name() + ".items_name"));
    }

    @Test
    void survivesATableLockedByAnAlterAndLogsItOnce() throws Exception {
        try (Connection holder = db.schema.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE"); // as a running ALTER TABLE would

            assertThat(flagsItemsName()).isFalse();
            assertThat(harness.lastResult()).isInstanceOfSatisfying(ProbeFailure.class,
                    f -> assertThat(f.kind()).isEqualTo(ProbeFailure.Kind.TIMEOUT));
            assertThat(flagsItemsName()).isFalse();
            holder.rollback();
        }

        assertThat(flagsItemsName()).isTrue();
        assertThat(log.messagesContaining("TIMEOUT")).hasSize(1);
    }

    @Test
    void keepsItsFindingsThroughALostConnectionAndChecksAgainAfter() throws Exception {
        assertThat(flagsItemsName()).isTrue();
        db.terminate(connector.lastId());

        assertThat(flagsItemsName()).isTrue(); // the last check's findings stand
        assertThat(harness.lastResult()).isInstanceOfSatisfying(ProbeFailure.class,
                f -> assertThat(f.kind()).isEqualTo(ProbeFailure.Kind.CONNECTION_LOST));

        assertThat(flagsItemsName()).isTrue();
        assertThat(harness.lastResult()).isInstanceOf(SchemaFactsResult.class);
        assertThat(connector.serverIds).hasSize(2);
    }
}
