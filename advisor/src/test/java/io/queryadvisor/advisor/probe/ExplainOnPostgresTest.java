package io.queryadvisor.advisor.probe;

import static io.queryadvisor.advisor.probe.ProbeHarness.explain;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plans from PostgreSQL 15, for sampled values and without, and never by running the statement. */
class ExplainOnPostgresTest {

    private static PostgresFixture db;
    private static ProbeHarness harness;

    @BeforeAll
    static void start() throws SQLException {
        db = new PostgresFixture(ExplainOnPostgresTest.class);
        db.bigTable("orders", 100_000);
        db.execute(
                // a write counter: a trigger on every row written to "audited"
                "CREATE TABLE writes (n integer NOT NULL)",
                "INSERT INTO writes VALUES (0)",
                "CREATE TABLE audited (id integer PRIMARY KEY, name text)",
                "INSERT INTO audited VALUES (1, 'one')",
                "CREATE FUNCTION count_write() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$BEGIN UPDATE writes SET n = n + 1; RETURN NEW; END$$",
                "CREATE TRIGGER audited_writes BEFORE INSERT OR UPDATE OR DELETE ON audited"
                        + " FOR EACH ROW EXECUTE FUNCTION count_write()",
                // a volatile function with a visible side effect: it advances a sequence
                "CREATE SEQUENCE calls",
                "CREATE FUNCTION next_call() RETURNS bigint VOLATILE LANGUAGE sql AS $$SELECT nextval('calls')$$");
        harness = new ProbeHarness().identify(PostgresFixture.PRODUCT, db.connector());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static ExplainResult plan(ExplainRequest request) throws InterruptedException {
        return harness.answer(request, ExplainResult.class);
    }

    @Test
    void showsASequentialScanOfALargeUnindexedTableWithItsRows() throws Exception {
        ExplainResult result = plan(explain("SELECT * FROM orders WHERE k = ?", 42));

        assertThat(result.plan().fullScans()).singleElement().satisfies(scan -> {
            assertThat(scan.nodeType()).isEqualTo("Seq Scan");
            assertThat(scan.relation()).isEqualTo("orders");
            assertThat(scan.rows()).isBetween(10.0, 1_000.0); // 100 rows have k = 42; an estimate
            assertThat(scan.filter()).contains("k = 42");
        });
        assertThat(result.plan().totalCost()).isPositive();
    }

    @Test
    void plansForTheSampledValues() throws Exception {
        ExplainResult result = plan(explain("SELECT * FROM orders WHERE k = ? AND name <> ?", 7, "nobody"));

        assertThat(result.basis()).isEqualTo(ExplainResult.Basis.SAMPLED_VALUES);
        assertThat(result.plan().filter()).contains("k = 7").contains("'nobody'");
    }

    @Test
    void plansForTheValuesEvenOnceTheDriverPreparesTheStatementOnTheServer() throws Exception {
        // pgjdbc prepares a text on the server from its 5th execution on a connection (prepareThreshold),
        // and the server may then plan generically: the probe's EXPLAIN must still see the values
        ExplainResult last = null;
        for (int k = 1; k <= 12; k++) {
            last = plan(explain("SELECT * FROM orders WHERE k = ? AND id > 0", k));
        }

        assertThat(last.plan().filter()).contains("k = 12");
    }

    @Test
    void makesTheGenericPlanWithoutValues() throws Exception {
        ExplainResult result = plan(explain("SELECT * FROM orders WHERE k = ? AND name <> ?"));

        assertThat(result.basis()).isEqualTo(ExplainResult.Basis.GENERIC);
        assertThat(result.plan().nodeType()).isEqualTo("Seq Scan");
        assertThat(result.plan().filter()).contains("$1").contains("$2");
    }

    @Test
    void leavesAQuestionMarkInALiteralAloneInTheGenericPlan() throws Exception {
        ExplainResult result = plan(explain("SELECT * FROM orders WHERE name <> 'why?' AND k = ?"));

        assertThat(result.basis()).isEqualTo(ExplainResult.Basis.GENERIC);
        assertThat(result.plan().filter()).contains("'why?'").contains("$1");
    }

    @Test
    void explainsAStatementWithoutPlaceholders() throws Exception {
        ExplainResult result = plan(explain("SELECT count(*) FROM orders"));

        assertThat(result.basis()).isEqualTo(ExplainResult.Basis.NO_PARAMETERS);
        assertThat(result.plan().fullScans()).extracting(Plan::relation).containsOnly("orders");
    }

    @Test
    void neverRunsAnInsert() throws Exception {
        plan(explain("INSERT INTO audited (id, name) VALUES (?, ?)", 2, "two"));
        plan(explain("INSERT INTO audited (id, name) VALUES (?, ?)"));

        assertThat(db.queryLong("SELECT n FROM writes")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM audited")).isEqualTo(1);
    }

    @Test
    void neverRunsAnUpdateOrDelete() throws Exception {
        plan(explain("UPDATE audited SET name = ? WHERE id = ?", "changed", 1));
        plan(explain("DELETE FROM audited WHERE id = ?"));

        assertThat(db.queryLong("SELECT n FROM writes")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM audited WHERE name = 'one'")).isEqualTo(1);
    }

    @Test
    void neverCallsAVolatileFunctionOfASelect() throws Exception {
        plan(explain("SELECT next_call(), id FROM audited WHERE id = ?", 1));
        plan(explain("SELECT next_call() FROM audited WHERE id = ?"));

        // is_called stays false until nextval() is first called
        assertThat(db.queryLong("SELECT CASE WHEN is_called THEN 1 ELSE 0 END FROM calls")).isZero();
    }

    @Test
    void refusesASecondStatementAfterASemicolon() throws Exception {
        ProbeFailure failure = harness.failure(explain("SELECT 1; DELETE FROM audited"));

        assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.UNSUPPORTED_STATEMENT);
        assertThat(db.queryLong("SELECT count(*) FROM audited")).isEqualTo(1);
    }

    @Test
    void refusesSchemaChanges() throws Exception {
        ProbeFailure failure = harness.failure(explain("DROP TABLE audited"));

        assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.UNSUPPORTED_STATEMENT);
    }
}
