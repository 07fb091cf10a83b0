package io.queryadvisor.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One statement as a request handler runs it, the cycle the peers were measured with (see README.md):
 * get a connection, prepare, bind one {@code int}, execute, read the row's three columns, close
 * the result set, the statement and the connection.
 */
public final class StatementCycle {

    public static final String SQL = "SELECT id, name, quantity FROM order_line WHERE order_id = ?";

    private StatementCycle() {
    }

    /** Runs one cycle; returns a value computed from every column read, for the caller to consume. */
    public static long run(ConnectionSource source, int key) throws SQLException {
        long sum = 0;
        try (Connection connection = source.open();
             PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setInt(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sum += rows.getLong(1) + rows.getString(2).length() + rows.getInt(3);
                }
            }
        }
        return sum;
    }
}
