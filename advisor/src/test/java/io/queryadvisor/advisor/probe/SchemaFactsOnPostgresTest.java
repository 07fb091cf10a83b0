package io.queryadvisor.advisor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.queryadvisor.testing.Eventually;

/** What the statistics views and the catalog say of a schema: indexes with usage, tables with dead rows. */
class SchemaFactsOnPostgresTest {

    private static PostgresFixture db;
    private static ProbeHarness harness;

    @BeforeAll
    static void start() throws SQLException {
        db = new PostgresFixture(SchemaFactsOnPostgresTest.class);
        db.bigTable("orders", 2_000);
        db.execute("ALTER TABLE orders ADD CONSTRAINT orders_pk PRIMARY KEY (id)",
                "CREATE INDEX orders_k_name ON orders (k DESC, name text_pattern_ops) WHERE k > 0",
                "CREATE INDEX orders_k ON orders (k) INCLUDE (name)",
                "ALTER TABLE orders SET (autovacuum_enabled = false)");
        harness = new ProbeHarness().identify(PostgresFixture.PRODUCT, db.connector());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static SchemaFactsResult facts() throws InterruptedException {
        return harness.answer(new SchemaFactsRequest("test", "key", ProbeHarness.SOURCE), SchemaFactsResult.class);
    }

    private static SchemaIndex index(SchemaFactsResult facts, String name) {
        return facts.indexes().stream().filter(i -> i.schema().equals(db.schema.name()) && i.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no index " + name));
    }

    @Test
    void describesAnIndexWithItsKeysPredicateAndIncludedColumns() throws Exception {
        SchemaFactsResult facts = facts();

        SchemaIndex partial = index(facts, "orders_k_name");
        assertThat(partial.table()).isEqualTo("orders");
        assertThat(partial.columns()).containsExactly("k", "name");
        assertThat(partial.method()).isEqualTo("btree");
        assertThat(partial.predicate()).isEqualTo("(k > 0)");
        assertThat(partial.unique()).isFalse();
        assertThat(partial.constraint()).isNull();
        assertThat(partial.valid()).isTrue();
        assertThat(partial.qualifiedName()).isEqualTo(db.schema.name() + ".orders_k_name");
        assertThat(index(facts, "orders_k").includes()).isEqualTo(1);
    }

    @Test
    void tellsKeysWithAnotherOperatorClassOrOrderApart() throws Exception {
        SchemaFactsResult facts = facts();

        assertThat(index(facts, "orders_k_name").keys().get(0)).isNotEqualTo(index(facts, "orders_k").keys().get(0));
    }

    @Test
    void namesTheConstraintAnIndexBacks() throws Exception {
        SchemaIndex pk = index(facts(), "orders_pk");

        assertThat(pk.unique()).isTrue();
        assertThat(pk.constraint()).isEqualTo("orders_pk");
    }

    @Test
    void countsScansAndTheWritesOfTheIndexedTable() throws Exception {
        db.execute("INSERT INTO orders VALUES (100001, 1, 'x')", "SET enable_seqscan = off",
                "SELECT name FROM orders WHERE id = 7");

        SchemaIndex pk = awaitIndex("orders_pk", i -> i.tableInserts() >= 2_001 && i.scans() >= 1);

        assertThat(pk.sizeBytes()).isPositive();
    }

    @Test
    void readsTheTablesDeadRowsAndOptions() throws Exception {
        db.execute("DELETE FROM orders WHERE id <= 500");

        TableHealth orders = awaitTable(t -> t.deadRows() >= 500);

        assertThat(orders.options()).containsEntry("autovacuum_enabled", "false");
        assertThat(orders.lastVacuum()).isNull();
        assertThat(orders.lastAnalyze()).isNotNull(); // bigTable analyzed it
        assertThat(orders.sizeBytes()).isPositive();
    }

    @Test
    void saysSinceWhenTheDatabaseCounts() throws Exception {
        DatabaseFacts database = facts().database();

        try (Connection c = db.schema.connect()) {
            assertThat(database.name()).isEqualTo(c.getCatalog());
        }
        assertThat(database.identity()).startsWith(database.name() + "@");
        assertThat(database.statsSince()).isNotNull();
        assertThat(database.counting()).isTrue();
        assertThat(database.replica()).isFalse();
        assertThat(database.autovacuum().vacuumScaleFactor()).isPositive();
    }

    /** The statistics reach the views a moment after the writing transaction ends: asks until they have. */
    private static SchemaIndex awaitIndex(String name, Predicate<SchemaIndex> condition)
            throws Exception {
        return Eventually.get(() -> index(facts(), name), condition, "index " + name);
    }

    private static TableHealth awaitTable(Predicate<TableHealth> condition) throws Exception {
        return Eventually.get(() -> facts().tables().stream()
                .filter(t -> t.schema().equals(db.schema.name()) && t.table().equals("orders"))
                .findFirst().orElseThrow(), condition, "table orders");
    }

}
