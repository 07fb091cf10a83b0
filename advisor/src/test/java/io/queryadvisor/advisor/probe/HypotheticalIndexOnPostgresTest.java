package io.queryadvisor.advisor.probe;

import static io.queryadvisor.advisor.probe.ProbeHarness.explain;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.queryadvisor.testing.TestDatabase;

/** What an index would change, tried with hypopg without building it. */
class HypotheticalIndexOnPostgresTest {

    private static final String QUERY = "SELECT * FROM orders WHERE k = ?";
    private static PostgresFixture db;
    private static ProbeHarness harness;

    @BeforeAll
    static void start() throws SQLException {
        db = new PostgresFixture(HypotheticalIndexOnPostgresTest.class);
        assertThat(db.queryLong("SELECT count(*) FROM pg_available_extensions WHERE name = 'hypopg'"))
                .as("the hypopg extension on the test PostgreSQL (%s): install its package"
                        + " (Debian: postgresql-<version>-hypopg); .ci/run does", TestDatabase.shared().describe())
                .isEqualTo(1);
        db.bigTable("orders", 100_000);
        harness = new ProbeHarness().identify(PostgresFixture.PRODUCT, db.connector());
    }

    @AfterAll
    static void stop() throws SQLException {
        harness.close();
        db.execute("CREATE EXTENSION IF NOT EXISTS hypopg SCHEMA public");
    }

    private static HypotheticalIndexRequest withIndex(String createIndex, Object... binds) {
        return new HypotheticalIndexRequest("test", "key", ProbeHarness.SOURCE, QUERY, List.of(binds), createIndex);
    }

    @Test
    void aSuitableIndexLowersTheCost() throws Exception {
        db.execute("CREATE EXTENSION IF NOT EXISTS hypopg SCHEMA public");

        HypotheticalIndexResult result = harness.answer(withIndex("CREATE INDEX ON orders (k)", 42),
                HypotheticalIndexResult.class);

        assertThat(result.hypopgInstalled()).isTrue();
        assertThat(result.before().fullScans()).extracting(Plan::relation).containsExactly("orders");
        assertThat(result.indexUsed()).isTrue();
        assertThat(result.costAfter()).isLessThan(result.costBefore() / 2);
    }

    @Test
    void aSuitableIndexLowersTheCostOfTheGenericPlan() throws Exception {
        db.execute("CREATE EXTENSION IF NOT EXISTS hypopg SCHEMA public");

        HypotheticalIndexResult result = harness.answer(withIndex("CREATE INDEX ON orders (k)"),
                HypotheticalIndexResult.class);

        assertThat(result.indexUsed()).isTrue();
        assertThat(result.costAfter()).isLessThan(result.costBefore());
    }

    @Test
    void theHypotheticalIndexIsGoneAfterTheRequest() throws Exception {
        db.execute("CREATE EXTENSION IF NOT EXISTS hypopg SCHEMA public");
        harness.answer(withIndex("CREATE INDEX ON orders (k)", 42), HypotheticalIndexResult.class);

        ExplainResult next = harness.answer(explain(QUERY, 42), ExplainResult.class);

        assertThat(next.plan().fullScans()).extracting(Plan::relation).containsExactly("orders");
    }

    @Test
    void saysSoWhenHypopgIsNotInstalled() throws Exception {
        db.execute("DROP EXTENSION IF EXISTS hypopg");

        HypotheticalIndexResult result = harness.answer(withIndex("CREATE INDEX ON orders (k)", 42),
                HypotheticalIndexResult.class);

        assertThat(result.hypopgInstalled()).isFalse();
        assertThat(result.before().fullScans()).extracting(Plan::relation).containsExactly("orders");
        assertThat(result.after()).isNull();
    }

    @Test
    void refusesAnythingButOneCreateIndex() throws Exception {
        ProbeFailure failure = harness.failure(withIndex("CREATE INDEX ON orders (k); DROP TABLE orders", 42));

        assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.UNSUPPORTED_STATEMENT);
    }
}
