package io.queryadvisor.capture.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.orders.OrderQueries;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.capture.ConnectionSource;

/** The wrappers' contract on a real (in-memory H2) driver: what each JDBC call records. */
class CapturingJdbcTest {

    private final CaptureBuffer buffer = new CaptureBuffer(1024);
    private final Capture capture = new Capture(buffer, CaptureConfig.defaults());
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        Connection raw = DriverManager.getConnection("jdbc:h2:mem:capturing;DB_CLOSE_DELAY=-1");
        try (Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS item (id INT PRIMARY KEY, name VARCHAR(20), price INT)");
            s.execute("MERGE INTO item KEY (id) VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30)");
        }
        connection = Checkouts.checkedOut(capture, new ConnectionSource("h2", null), raw, System.nanoTime());
        drain().clear(); // the checkout's own events; each test looks at what follows
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void recordsPreparedQueryWithRowsColumnsAndBinds() throws SQLException {
        OrderQueries.readItemsUpTo(connection, 2);
        StatementExecuted e = onlyStatement();
        assertThat(e.sql()).isEqualTo("SELECT id, name, price FROM item WHERE id <= ?");
        assertThat(e.kind()).isEqualTo(StatementKind.QUERY);
        assertThat(e.rowsRead()).isEqualTo(2);
        assertThat(e.bindCount()).isEqualTo(1);
        assertThat(e.bindHash()).isNotZero();
        assertThat(e.columnsByIndex()).isEqualTo(1L << 1);
        assertThat(e.columnsByName()).containsExactly("name");
        assertThat(e.durationNanos()).isPositive();
        assertThat(e.failed()).isFalse();
        assertThat(e.callSite().toString()).startsWith("com.example.orders.OrderQueries.readItemsUpTo(OrderQueries.java:");
    }

    @Test
    void sameBindsHashAlikeAndDifferentBindsDiffer() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM item WHERE id = ?")) {
            for (int id : new int[] {1, 1, 2}) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
        List<StatementExecuted> s = statements();
        assertThat(s).hasSize(3);
        assertThat(s.get(0).bindHash()).isEqualTo(s.get(1).bindHash()).isNotEqualTo(s.get(2).bindHash());
    }

    @Test
    void recordsUpdateCountAndBatchSize() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE item SET price = price + ? WHERE id = ?")) {
            for (int id = 1; id <= 3; id++) {
                ps.setInt(1, 1);
                ps.setInt(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        StatementExecuted e = onlyStatement();
        assertThat(e.kind()).isEqualTo(StatementKind.BATCH);
        assertThat(e.batchSize()).isEqualTo(3);
        assertThat(e.rowsRead()).isEqualTo(3);
    }

    @Test
    void recordsFailureAndRethrowsTheDriversException() {
        assertThatThrownBy(() -> {
            try (Statement s = connection.createStatement()) {
                s.executeQuery("SELECT nope FROM item");
            }
        }).isInstanceOf(SQLException.class);
        assertThat(onlyStatement().error()).isNotNull();
    }

    @Test
    void emitsQueryWhenStatementClosesBeforeItsResultSet() throws SQLException {
        Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM item");
        rs.next();
        s.close();
        assertThat(onlyStatement().rowsRead()).isEqualTo(1);
    }

    @Test
    void reportsAQueryWhoseStatementIsNeverClosedWhenTheConnectionCloses() throws SQLException {
        Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM item");
        rs.next();
        rs.next();
        connection.close();

        List<CaptureEvent> events = drain();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(StatementExecuted.class,
                e -> assertThat(e.rowsRead()).isEqualTo(2));
        assertThat(events.get(1)).isInstanceOfSatisfying(ConnectionReleased.class,
                r -> assertThat(r.statements()).isEqualTo(1));
    }

    @Test
    void tracksTransactions() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE item SET price = 1 WHERE id = 1");
            connection.commit();
            s.executeUpdate("UPDATE item SET price = 2 WHERE id = 1");
            connection.rollback();
        }
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE item SET price = 3 WHERE id = 1");
        }
        List<StatementExecuted> s = statements();
        assertThat(s.get(0).transactionId()).isPositive();
        assertThat(s.get(1).transactionId()).isPositive().isNotEqualTo(s.get(0).transactionId());
        assertThat(s.get(2).transactionId()).isZero();
    }

    @Test
    void releaseEndsTheUnitOfWork() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE item SET price = 1 WHERE id = 1");
        }
        connection.close();
        List<CaptureEvent> events = drain();
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(ConnectionReleased.class,
                r -> assertThat(r.statements()).isEqualTo(1));
    }

    @Test
    void keepsApplicationOnWrappedObjects() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(s.getConnection()).isSameAs(connection);
            assertThat(rs.getStatement()).isSameAs(s);
            assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
            assertThat(connection.isWrapperFor(org.h2.jdbc.JdbcConnection.class)).isTrue();
        }
    }

    private StatementExecuted onlyStatement() {
        List<StatementExecuted> s = statements();
        assertThat(s).hasSize(1);
        return s.get(0);
    }

    private List<StatementExecuted> statements() {
        List<StatementExecuted> out = new ArrayList<>();
        for (CaptureEvent e : drain()) {
            if (e instanceof StatementExecuted s) {
                out.add(s);
            }
        }
        return out;
    }

    private final List<CaptureEvent> drained = new ArrayList<>();

    private List<CaptureEvent> drain() {
        buffer.drain(drained::add, 10_000);
        return drained;
    }
}
