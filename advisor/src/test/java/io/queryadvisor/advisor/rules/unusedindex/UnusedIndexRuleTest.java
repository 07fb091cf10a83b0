package io.queryadvisor.advisor.rules.unusedindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.testing.SchemaRuleHarness;
import io.queryadvisor.testing.Eventually;
import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestSchema;

/** Unused indexes, read from a real PostgreSQL's counters by the probe. */
class UnusedIndexRuleTest {

    private static TestSchema schema;
    private static String database;
    private SchemaRuleHarness harness;

    @BeforeAll
    static void createSchema() throws Exception {
        schema = TestDatabase.shared().freshSchema(UnusedIndexRuleTest.class);
        schema.execute("CREATE TABLE customers (id integer PRIMARY KEY)",
                "CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers,"
                        + " status text, code integer, placed integer)",
                "INSERT INTO customers SELECT g FROM generate_series(1, 10) g",
                "INSERT INTO orders SELECT g, g % 10 + 1, 'new', g, g FROM generate_series(1, 1000) g",
                "CREATE INDEX orders_status ON orders (status)",
                "CREATE UNIQUE INDEX orders_code ON orders (code)",
                "CREATE INDEX orders_customer ON orders (customer_id)",
                "CREATE INDEX orders_placed ON orders (placed)",
                "ANALYZE orders");
        // orders_placed is read; the statistics views see it a moment after the reading backend flushed
        schema.execute("SET enable_seqscan = off", "SELECT id FROM orders WHERE placed = 7");
        Eventually.get(() -> scans("orders_placed"), n -> n > 0, "orders_placed counted as scanned");
        database = schema.databaseName();
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private List<Recommendation> check(String... settings) throws InterruptedException {
        harness = new SchemaRuleHarness("unused-index", UnusedIndexRule::new, settings)
                .identify("pool", schema.jdbcUrl(), schema::connect);
        return SchemaRuleHarness.in(schema.name(), harness.check());
    }

    private Recommendation about(List<Recommendation> findings, String index) {
        return SchemaRuleHarness.withId(findings, "unused-index:" + database + "." + schema.name() + "." + index);
    }

    @Test
    void flagsAnIndexNeverScanned() throws Exception {
        Recommendation finding = about(check("minStatsAge", "0"), "orders_status");

        assertThat(finding.rule()).isEqualTo("unused-index");
        assertThat(finding.fingerprintId()).isNull();
        assertThat(finding.evidence()).containsEntry("scans", 0L).containsEntry("table", schema.name() + ".orders")
                .containsEntry("rowsInsertedInTable", 1000L).containsKey("countedSince");
        assertThat((Long) finding.evidence().get("sizeBytes")).isPositive();
        assertThat(finding.suggestion().code())
                .contains("DROP INDEX CONCURRENTLY " + schema.name() + ".orders_status;")
                .contains("CREATE INDEX orders_status ON " + schema.name() + ".orders USING btree (status)");
        assertThat(finding.suggestion().text()).contains("replica");
    }

    @Test
    void ignoresAUniqueIndexAndAConstraintsIndexNeverScanned() throws Exception {
        List<Recommendation> findings = check("minStatsAge", "0");

        assertThat(findings).extracting(Recommendation::id)
                .noneMatch(id -> id.endsWith(".orders_code") || id.endsWith(".orders_pkey")
                        || id.endsWith(".customers_pkey"));
    }

    @Test
    void ignoresAnIndexThatWasScanned() throws Exception {
        assertThat(check("minStatsAge", "0")).extracting(Recommendation::id).noneMatch(id -> id.endsWith(".orders_placed"));
    }

    @Test
    void warnsThatAnIndexServesAForeignKey() throws Exception {
        Recommendation finding = about(check("minStatsAge", "0"), "orders_customer");

        assertThat(finding.suggestion().text()).contains("foreign key orders_customer_id_fkey");
    }

    @Test
    void saysNothingWhileTheCountersAreYoungerThanMinStatsAge() throws Exception {
        assertThat(check("minStatsAge", "100000h")).isEmpty();
    }

    private static long scans(String index) throws SQLException {
        return schema.queryLong("SELECT idx_scan FROM pg_stat_user_indexes WHERE schemaname = '" + schema.name()
                + "' AND indexrelname = '" + index + "'");
    }
}
