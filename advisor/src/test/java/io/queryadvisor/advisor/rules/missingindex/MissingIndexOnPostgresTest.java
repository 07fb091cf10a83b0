package io.queryadvisor.advisor.rules.missingindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestSchema;

/** The rule against a real PostgreSQL with hypopg: the plans, the catalog and the hypothetical indexes are real. */
class MissingIndexOnPostgresTest {

    private static final String PRODUCT = "PostgreSQL 15";
    private static TestSchema schema;
    private MissingIndexHarness harness;

    @BeforeAll
    static void tables() throws SQLException {
        schema = TestDatabase.shared().freshSchema(MissingIndexOnPostgresTest.class);
        execute("CREATE EXTENSION IF NOT EXISTS hypopg SCHEMA public");
        for (String table : List.of("orders", "resolved_orders", "indexed_orders", "audited")) {
            bigTable(table, 100_000);
        }
        bigTable("small", 500);
        execute("CREATE TABLE lines (id integer NOT NULL, order_id integer NOT NULL, qty integer NOT NULL)",
                "INSERT INTO lines SELECT n, 1 + n % 100000, n % 7 FROM generate_series(1, 200000) n",
                "ANALYZE lines");
        execute("CREATE INDEX indexed_orders_k ON indexed_orders (k)", "ANALYZE indexed_orders",
                // a write counter: a trigger on every row written to "audited"
                "CREATE TABLE writes (n integer NOT NULL)", "INSERT INTO writes VALUES (0)",
                "CREATE FUNCTION count_write() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$BEGIN UPDATE writes SET n = n + 1; RETURN OLD; END$$",
                "CREATE TRIGGER audited_writes BEFORE UPDATE OR DELETE ON audited"
                        + " FOR EACH ROW EXECUTE FUNCTION count_write()");
    }

    /** {@code id}; {@code k}: 1,000 distinct values; {@code g}: 10; {@code name}; no index; analyzed. */
    private static void bigTable(String table, int rows) throws SQLException {
        execute("CREATE TABLE " + table + " (id integer NOT NULL, k integer NOT NULL, g integer NOT NULL,"
                        + " name text NOT NULL)",
                "INSERT INTO " + table + " SELECT n, n % 1000, n % 10, 'name ' || n FROM generate_series(1, " + rows
                        + ") n",
                "ANALYZE " + table);
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private MissingIndexHarness advisor(String... settings) {
        harness = new MissingIndexHarness(PRODUCT, schema::connect, settings);
        return harness;
    }

    @Test
    void findsAnUnindexedFilterOnALargeTableWithTheRightDdl() {
        advisor().ran(12, "SELECT id, name FROM orders WHERE k = ?", 42).awaitExaminations(1);

        Recommendation finding = only(harness.findings());
        assertThat(finding.suggestion().code()).isEqualTo("CREATE INDEX CONCURRENTLY idx_orders_k ON orders (k);");
        assertThat(finding.evidence()).containsEntry("status", "open").containsEntry("rowsScanned", 100_000L)
                .containsEntry("planNode", "Seq Scan on orders, filter: k = ?");
        assertThat((Double) finding.evidence().get("costAfter"))
                .isLessThan((Double) finding.evidence().get("costBefore") / 2);
        assertThat(finding.evidence().get("planBasis").toString()).contains("sampled");
        assertThat(finding.evidence().get("plan").toString()).startsWith("Seq Scan on orders");
        assertThat(finding.evidence()).containsKey("probeMillis");
    }

    @Test
    void resolvesTheFindingOnceTheSuggestedIndexExists() throws SQLException {
        advisor("rules.missing-index.interval", "0").ran(12, "SELECT id FROM resolved_orders WHERE k = ?", 7)
                .awaitFindings(f -> f.size() == 1 && "open".equals(f.get(0).evidence().get("status")), "advice");
        String ddl = harness.findings().get(0).suggestion().code();

        execute(ddl);
        harness.ran(0.1, "SELECT id FROM resolved_orders WHERE k = ?", 8)
                .awaitFindings(f -> f.size() == 1 && "resolved".equals(f.get(0).evidence().get("status")), "resolution");

        Recommendation resolved = only(harness.findings());
        assertThat(resolved.title()).startsWith("Resolved: an index on resolved_orders (k)");
        assertThat(resolved.evidence()).containsEntry("index", ddl).containsKeys("meanMillisBefore", "meanMillisAfter");
    }

    @Test
    void saysTheAdviceIsUnverifiedWithoutHypopg() throws SQLException {
        execute("DROP EXTENSION hypopg");
        try {
            advisor().ran(12, "SELECT id FROM orders WHERE k = ? AND g = ?", 42, 2).awaitExaminations(1);
        } finally {
            execute("CREATE EXTENSION hypopg SCHEMA public");
        }

        Recommendation finding = only(harness.findings());
        assertThat(finding.suggestion().code()).isEqualTo("CREATE INDEX CONCURRENTLY idx_orders_k_g ON orders (k, g);");
        assertThat(finding.evidence()).containsEntry("costAfter", "unverified");
        assertThat(finding.evidence().get("unverified").toString()).contains("hypopg");
        assertThat(finding.title()).contains("unverified");
    }

    @Test
    void saysNothingOfAQueryAnIndexServes() {
        advisor().ran(12, "SELECT id, name FROM indexed_orders WHERE k = ?", 42).awaitExaminations(1);

        assertThat(harness.findings()).isEmpty();
    }

    @Test
    void putsTheMoreSelectiveEqualityColumnFirst() {
        advisor().ran(12, "SELECT id FROM orders WHERE g = ? AND k = ?", 3, 42).awaitExaminations(1);

        assertThat(only(harness.findings()).suggestion().code())
                .isEqualTo("CREATE INDEX CONCURRENTLY idx_orders_k_g ON orders (k, g);");
    }

    @Test
    void putsEqualityColumnsBeforeARange() {
        advisor().ran(12, "SELECT name FROM orders WHERE id > ? AND k = ?", 99_000, 42).awaitExaminations(1);

        assertThat(only(harness.findings()).suggestion().code())
                .isEqualTo("CREATE INDEX CONCURRENTLY idx_orders_k_id ON orders (k, id);");
    }

    @Test
    void servesAPrefixLikeWithThePatternOperatorClass() {
        advisor().ran(12, "SELECT id FROM orders WHERE name LIKE ?", "name 4242%").awaitExaminations(1);

        assertThat(only(harness.findings()).suggestion().code())
                .isEqualTo("CREATE INDEX CONCURRENTLY idx_orders_name ON orders (name text_pattern_ops);");
    }

    @Test
    void servesAPrefixLikeSortedByItsColumnWithThePatternOperatorClass() {
        // Spring Data's findByNameStartingWith with a sort and a limit
        advisor().ran(12, "SELECT id, name FROM orders WHERE name LIKE ? ESCAPE '\\' ORDER BY name, id"
                + " FETCH FIRST ? ROWS ONLY", "name 4242%", 20).awaitExaminations(1);

        Recommendation finding = only(harness.findings());
        assertThat(finding.suggestion().code())
                .isEqualTo("CREATE INDEX CONCURRENTLY idx_orders_name ON orders (name text_pattern_ops);");
        assertThat((Double) finding.evidence().get("costAfter"))
                .isLessThan((Double) finding.evidence().get("costBefore") / 2);
    }

    @Test
    void findsTheJoinedTableReadWholeForWantOfAnIndexOnItsJoinColumn() {
        // indexed_orders: 100 orders for a k, found by its index; then lines without an index on order_id
        advisor().ran(12, "SELECT l.id, l.qty FROM indexed_orders o JOIN lines l ON l.order_id = o.id WHERE o.k = ?", 42)
                .awaitExaminations(1);

        Recommendation finding = only(harness.findings());
        assertThat(finding.suggestion().code())
                .isEqualTo("CREATE INDEX CONCURRENTLY idx_lines_order_id ON lines (order_id);");
        assertThat(finding.evidence().get("planNode").toString()).startsWith("Seq Scan on lines");
        assertThat((Double) finding.evidence().get("costAfter"))
                .isLessThan((Double) finding.evidence().get("costBefore") / 2);
    }

    @Test
    void saysNothingOfAJoinThatKeepsMostOfTheJoinedTable() {
        // half the orders, so half the lines: reading them whole is the plan an index would not beat
        advisor().ran(12, "SELECT l.id, l.qty FROM orders o JOIN lines l ON l.order_id = o.id WHERE o.g < ?", 5)
                .awaitExaminations(1);

        assertThat(harness.findings()).isEmpty();
    }

    @Test
    void servesASortForALimitWithTheSortColumnAfterTheEqualities() {
        advisor().ran(12, "SELECT id, name FROM orders WHERE g = ? ORDER BY id DESC LIMIT 10", 3).awaitExaminations(1);

        Recommendation finding = only(harness.findings());
        assertThat(finding.suggestion().code()).isEqualTo("CREATE INDEX CONCURRENTLY idx_orders_g_id ON orders (g, id);");
        assertThat(finding.evidence().get("planNode").toString()).endsWith("sorted by id for a LIMIT");
    }

    @Test
    void saysNothingOfASmallTable() {
        advisor().ran(12, "SELECT id FROM small WHERE k = ?", 42).awaitExaminations(1);

        assertThat(harness.findings()).isEmpty();
    }

    @Test
    void examinesADeleteWithoutEverRunningIt() throws SQLException {
        advisor().ran(12, "DELETE FROM audited WHERE k = ?", 42).awaitExaminations(1);

        assertThat(only(harness.findings()).suggestion().code())
                .isEqualTo("CREATE INDEX CONCURRENTLY idx_audited_k ON audited (k);");
        assertThat(queryLong("SELECT n FROM writes")).isZero();
        assertThat(queryLong("SELECT count(*) FROM audited")).isEqualTo(100_000);
    }

    @Test
    void examinesTheGenericPlanWhenNoValuesWereSampled() {
        advisor("advisor.bindSamples.enabled", "false").ran(12, "SELECT id FROM orders WHERE k = ?", 42)
                .awaitExaminations(1);

        Recommendation finding = only(harness.findings());
        assertThat(finding.evidence().get("planBasis").toString()).contains("generic");
        assertThat(finding.suggestion().code()).isEqualTo("CREATE INDEX CONCURRENTLY idx_orders_k ON orders (k);");
    }

    @Test
    void leavesAQueryAloneUntilItIsWorthExamining() {
        advisor("rules.missing-index.minExecutions", "5", "rules.missing-index.minTotalTime", "1s")
                .ran(12, "SELECT id FROM orders WHERE k = ?", 42)
                .ran(12, "SELECT id FROM orders WHERE k = ?", 43)
                .ran(12, "SELECT id, name FROM indexed_orders WHERE k = ?", 42);
        for (int i = 0; i < 5; i++) {
            harness.ran(12, "SELECT id, name FROM indexed_orders WHERE k = ?", 42);
        }
        // the well-indexed query, worth it, is examined; the other, run twice in 24 ms, is not
        harness.awaitExaminations(1);

        assertThat(harness.findings()).isEmpty();
        assertThat(harness.counter("examinations")).isEqualTo(1);
    }

    private static Recommendation only(List<Recommendation> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection c = schema.connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static long queryLong(String sql) throws SQLException {
        try (Connection c = schema.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
