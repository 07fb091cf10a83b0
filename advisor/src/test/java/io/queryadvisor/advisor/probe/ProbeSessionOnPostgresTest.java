package io.queryadvisor.advisor.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;


/**
 * The probe's session on PostgreSQL, read back from the probe's own connection after it answered
 * a request (while the probe is idle): its own connection, read-only, with its timeouts.
 */
class ProbeSessionOnPostgresTest {

    private static PostgresFixture db;
    private ProbeHarness harness;
    private RecordingConnector connector;

    @BeforeAll
    static void schema() throws SQLException {
        db = new PostgresFixture(ProbeSessionOnPostgresTest.class);
        db.execute("CREATE TABLE items (id integer PRIMARY KEY, name text)");
    }

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    /** A probe with {@code settings} that has answered one request, so its session is set up and idle. */
    private Connection probeSession(String... settings) throws Exception {
        connector = db.connector();
        harness = new ProbeHarness(ProbeHarness.config(settings))
                .identify(PostgresFixture.PRODUCT, connector);
        harness.answer(ProbeHarness.explain("SELECT * FROM items WHERE id = ?", 1), ExplainResult.class);
        return connector.last();
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        } finally {
            c.rollback(); // leave the probe's session as it was: no transaction open
        }
    }

    @Test
    void setsTheStatementTimeoutForTheWholeSession() throws Exception {
        Connection session = probeSession();

        // read after the request's transaction was rolled back: the setting outlives it
        assertThat(show(session, "statement_timeout")).isEqualTo("2s");
    }

    @Test
    void setsTheLockTimeoutForTheWholeSession() throws Exception {
        Connection session = probeSession();

        assertThat(show(session, "lock_timeout")).isEqualTo("500ms");
    }

    @Test
    void appliesConfiguredTimeouts() throws Exception {
        Connection session = probeSession("probe.statementTimeout", "3s", "probe.lockTimeout", "250ms");

        assertThat(show(session, "statement_timeout")).isEqualTo("3s");
        assertThat(show(session, "lock_timeout")).isEqualTo("250ms");
    }

    @Test
    void refusesToWriteInTheProbesSession() throws Exception {
        Connection session = probeSession();

        try (Statement st = session.createStatement()) {
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> st.executeUpdate("INSERT INTO items VALUES (1, 'x')"))
                    .satisfies(e -> assertThat(e.getSQLState()).isEqualTo("25006")); // read_only_sql_transaction
        } finally {
            session.rollback();
        }
        assertThat(db.queryLong("SELECT count(*) FROM items")).isZero();
    }

    @Test
    void namesItselfToTheDatabase() throws Exception {
        Connection session = probeSession();

        assertThat(show(session, "application_name")).isEqualTo("query-advisor-probe");
    }

    @Test
    void usesAConnectionOfItsOwnNeverThePools() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.schema.jdbcUrl());
        config.setUsername(db.schema.user());
        config.setPassword(db.schema.password());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            List<Long> poolPids = new ArrayList<>();
            try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
                poolPids.add(pid(a));
                poolPids.add(pid(b));
            }

            probeSession();

            assertThat(connector.serverIds).hasSize(1).doesNotContainAnyElementsOf(poolPids);
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(2);
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
    }

    private static long pid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
