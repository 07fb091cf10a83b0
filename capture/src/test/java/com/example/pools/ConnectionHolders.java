package com.example.pools;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

/** An application's ways of using its pool, good and bad: the code whose call sites the pool rules name. */
public final class ConnectionHolders {

    private final DataSource dataSource;

    public ConnectionHolders(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes a connection, says so, and holds it until {@code release} opens. */
    public void holdUntil(CountDownLatch got, CountDownLatch release) throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) { // holds until released
            got.countDown();
            selectOne(connection, 0);
            release.await();
        }
    }

    /** Takes a connection and never gives it back (the caller closes it once the test has seen the leak). */
    public Connection leak() throws SQLException {
        Connection connection = dataSource.getConnection(); // leaked: never closed here
        selectOne(connection, 0);
        return connection;
    }

    /** Holds a connection across work that is not the database's. */
    public void holdAcross(Duration pause) throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) { // held across a sleep
            selectOne(connection, 0);
            Thread.sleep(pause.toMillis());
            selectOne(connection, 0);
        }
    }

    /** One short statement with a query timeout, the connection held only around it. */
    public void queryBriefly() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            selectOne(connection, 5);
        }
    }

    /** Asks for a connection, expecting the pool to give up; returns what it threw. */
    public SQLException failToAcquire() {
        try (Connection connection = dataSource.getConnection()) { // times out
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private static void selectOne(Connection connection, int timeoutSeconds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
            statement.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
            }
        }
    }
}
