package io.queryadvisor.advisor.rules.tablemaintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.testing.SchemaRuleHarness;
import io.queryadvisor.testing.Eventually;
import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestSchema;

/** Tables that need a vacuum or an analyze, read from a real PostgreSQL's counters by the probe. */
class TableMaintenanceRuleTest {

    private static TestSchema schema;
    private static SchemaRuleHarness harness;
    private static List<Recommendation> findings;
    private static String prefix;

    @BeforeAll
    static void check() throws Exception {
        schema = TestDatabase.shared().freshSchema(TableMaintenanceRuleTest.class);
        // autovacuum off for each table, so that it cannot clean up before the rule looks
        schema.execute("CREATE TABLE bloated (id integer, pad text) WITH (autovacuum_enabled = false)",
                "INSERT INTO bloated SELECT g, repeat('x', 100) FROM generate_series(1, 20000) g",
                "ANALYZE bloated",
                "DELETE FROM bloated WHERE id <= 15000",
                "CREATE TABLE unanalyzed (id integer) WITH (autovacuum_enabled = false)",
                "INSERT INTO unanalyzed SELECT g FROM generate_series(1, 20000) g",
                "CREATE TABLE clean (id integer) WITH (autovacuum_enabled = false)",
                "INSERT INTO clean SELECT g FROM generate_series(1, 20000) g");
        awaitStatistics("relname = 'clean' AND n_live_tup = 20000");
        schema.execute("VACUUM (ANALYZE) clean");
        awaitStatistics("relname = 'bloated' AND n_dead_tup >= 15000");
        awaitStatistics("relname = 'unanalyzed' AND n_mod_since_analyze >= 20000");
        awaitStatistics("relname = 'clean' AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL"
                + " AND n_mod_since_analyze = 0");
        prefix = "table-maintenance:" + schema.databaseName() + "." + schema.name() + ".";
        harness = new SchemaRuleHarness("table-maintenance", TableMaintenanceRule::new)
                .identify("pool", schema.jdbcUrl(), schema::connect);
        findings = SchemaRuleHarness.in(schema.name(), harness.check());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    /** The statistics views see a transaction's rows a moment after its backend flushed them. */
    private static void awaitStatistics(String condition) throws Exception {
        Eventually.get(() -> schema.queryLong("SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = '"
                + schema.name() + "' AND " + condition), n -> n == 1, condition);
    }

    private static Recommendation about(String table) {
        return SchemaRuleHarness.withId(findings, prefix + table);
    }

    @Test
    void flagsATableWithManyDeletedRows() {
        Recommendation bloated = about("bloated");

        assertThat(bloated.title()).startsWith("Table " + schema.name() + ".bloated needs a vacuum: ");
        assertThat((Long) bloated.evidence().get("deadRows")).isGreaterThanOrEqualTo(15_000);
        assertThat(bloated.evidence()).containsEntry("lastVacuum", "never");
        // the test server may have autovacuum off altogether; this table has it off in any case
        assertThat((String) bloated.evidence().get("autovacuum")).endsWith("for this table");
        assertThat(bloated.suggestion().code()).startsWith("VACUUM (ANALYZE) " + schema.name() + ".bloated;\n")
                .endsWith("\nALTER TABLE " + schema.name() + ".bloated RESET (autovacuum_enabled);");
    }

    @Test
    void flagsATableNeverAnalyzedAfterManyWrites() {
        Recommendation unanalyzed = about("unanalyzed");

        assertThat(unanalyzed.title()).startsWith("Table " + schema.name() + ".unanalyzed needs an analyze: ");
        assertThat(unanalyzed.suggestion().code()).startsWith("ANALYZE " + schema.name() + ".unanalyzed;");
    }

    @Test
    void saysNothingOfACleanTable() {
        assertThat(findings).extracting(Recommendation::id).doesNotContain(prefix + "clean");
    }
}
