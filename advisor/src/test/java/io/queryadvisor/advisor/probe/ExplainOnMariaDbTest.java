package io.queryadvisor.advisor.probe;

import static io.queryadvisor.advisor.probe.ProbeHarness.explain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.probe.ProbeFailure.Kind;
import io.queryadvisor.testing.TestMariaDb;

/** The probe on MariaDB: EXPLAIN FORMAT=JSON in a read-only session with its timeouts. */
class ExplainOnMariaDbTest {

    private static final String TABLE = "probe_orders";
    private static TestMariaDb db;
    private static ProbeHarness harness;
    private static RecordingConnector connector;

    @BeforeAll
    static void start() throws SQLException {
        db = TestMariaDb.shared();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + TABLE);
            st.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, k INT NOT NULL, name VARCHAR(40)) ENGINE=InnoDB");
            st.execute("INSERT INTO " + TABLE + " SELECT seq, seq % 100, CONCAT('name ', seq) FROM seq_1_to_2000");
            st.execute("ANALYZE TABLE " + TABLE);
        }
        connector = RecordingConnector.mariaDb(db::connect);
        harness = new ProbeHarness().identify("MariaDB 10.11", connector);
    }

    @AfterAll
    static void stop() throws SQLException {
        harness.close();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    @Test
    void marksAFullScanOnTheRightTable() throws Exception {
        ExplainResult result = harness.answer(explain("SELECT * FROM " + TABLE + " WHERE k = ?", 5),
                ExplainResult.class);

        assertThat(result.basis()).isEqualTo(ExplainResult.Basis.SAMPLED_VALUES);
        assertThat(result.plan().fullScans()).singleElement().satisfies(scan -> {
            assertThat(scan.relation()).isEqualTo(TABLE);
            assertThat(scan.nodeType()).isEqualTo("ALL");
            assertThat(scan.rows()).isPositive();
            assertThat(scan.filter()).contains("k").contains("5");
        });
    }

    @Test
    void showsALookupByPrimaryKeyAsNoFullScan() throws Exception {
        ExplainResult result = harness.answer(explain("SELECT * FROM " + TABLE + " WHERE id = ?", 5),
                ExplainResult.class);

        assertThat(result.plan().fullScans()).isEmpty();
        assertThat(result.plan().nodes()).anySatisfy(n -> assertThat(n.index()).isEqualTo("PRIMARY"));
    }

    @Test
    void refusesASecondStatementHiddenBehindWhatLooksLikeAComment() throws Exception {
        // to MariaDB "--1" is no comment (one needs "-- "): this is a SELECT and then a DELETE
        ProbeFailure failure = harness.failure(explain("SELECT 1 --1; DELETE FROM " + TABLE));

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED_STATEMENT);
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2_000);
        }
    }

    @Test
    void refusesPlaceholdersWithoutValues() throws Exception {
        ProbeFailure failure = harness.failure(explain("SELECT * FROM " + TABLE + " WHERE k = ?"));

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED_STATEMENT);
    }

    @Test
    void setsTheStatementAndLockTimeoutsForTheSession() throws Exception {
        Connection session = probeSession();

        try (Statement st = session.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@max_statement_time, @@lock_wait_timeout,"
                     + " @@innodb_lock_wait_timeout")) {
            rs.next();
            assertThat(rs.getDouble(1)).isEqualTo(2.0);
            assertThat(rs.getLong(2)).isEqualTo(1); // 500 ms, in whole seconds
            assertThat(rs.getLong(3)).isEqualTo(1);
        } finally {
            session.rollback();
        }
    }

    @Test
    void refusesToWriteInTheProbesSession() throws Exception {
        Connection session = probeSession();

        try (Statement st = session.createStatement()) {
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> st.executeUpdate("INSERT INTO " + TABLE + " VALUES (0, 0, 'x')"))
                    .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo(1792));
        } finally {
            session.rollback();
        }
    }

    @Test
    void reportsAnUpdateAsRefusedByTheReadOnlySession() throws Exception {
        ProbeFailure failure = harness.failure(explain("UPDATE " + TABLE + " SET name = ? WHERE k = ?", "x", 5));

        assertThat(failure.kind()).isEqualTo(Kind.READ_ONLY);
    }

    /** The probe's connection, set up and idle after answering a request. */
    private static Connection probeSession() throws InterruptedException {
        harness.answer(explain("SELECT * FROM " + TABLE + " WHERE id = ?", 1), ExplainResult.class);
        return connector.last();
    }
}
