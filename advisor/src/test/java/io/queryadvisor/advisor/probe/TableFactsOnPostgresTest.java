package io.queryadvisor.advisor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the catalog says of a table: its rows, its indexes, its columns' distinct values. */
class TableFactsOnPostgresTest {

    private static PostgresFixture db;
    private static ProbeHarness harness;

    @BeforeAll
    static void start() throws SQLException {
        db = new PostgresFixture(TableFactsOnPostgresTest.class);
        db.bigTable("orders", 20_000);
        db.execute("ALTER TABLE orders ADD PRIMARY KEY (id)",
                "CREATE INDEX orders_k_name ON orders (k, lower(name))",
                "ANALYZE orders");
        harness = new ProbeHarness().identify(PostgresFixture.PRODUCT, db.connector());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static TableFactsResult facts(String table, String... columns) throws InterruptedException {
        return harness.answer(new TableFactsRequest("test", "key", ProbeHarness.SOURCE, table, List.of(columns)),
                TableFactsResult.class);
    }

    @Test
    void estimatesTheTablesRows() throws Exception {
        TableFactsResult facts = facts("orders");

        assertThat(facts.schema()).isEqualTo(db.schema.name());
        assertThat(facts.table()).isEqualTo("orders");
        assertThat(facts.rowEstimate()).isEqualTo(20_000);
    }

    @Test
    void listsTheIndexesWithTheirColumns() throws Exception {
        TableFactsResult facts = facts("orders");

        assertThat(facts.indexes()).extracting(IndexDefinition::name, IndexDefinition::columns,
                        IndexDefinition::primary)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orders_k_name", List.of("k", "lower(name)"), false),
                        org.assertj.core.groups.Tuple.tuple("orders_pkey", List.of("id"), true));
        assertThat(facts.indexes().get(1).unique()).isTrue();
        assertThat(facts.indexes().get(0).definition()).startsWith("CREATE INDEX orders_k_name ON");
    }

    @Test
    void readsTheDistinctValuesOfTheColumnsAskedFor() throws Exception {
        TableFactsResult facts = facts("orders", "k", "id");

        assertThat(facts.columns()).extracting(ColumnStatistics::column).containsExactly("id", "k");
        ColumnStatistics k = facts.columns().get(1);
        assertThat(k.nDistinct()).isEqualTo(1_000);
        assertThat(k.distinctEstimate()).isEqualTo(1_000);
        ColumnStatistics id = facts.columns().get(0);
        assertThat(id.nDistinct()).isEqualTo(-1); // every row differs
        assertThat(id.distinctEstimate()).isEqualTo(20_000);
    }

    @Test
    void saysWhenTheTableDoesNotExist() throws Exception {
        ProbeFailure failure = harness.failure(new TableFactsRequest("test", "key", ProbeHarness.SOURCE, "no_such",
                List.of()));

        assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.MISSING_OBJECT);
    }
}
