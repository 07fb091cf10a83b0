package com.example.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * Stands for a statement the database takes long over. {@code pg_sleep} makes "long" exact, where a
 * heavy query's time would depend on the machine.
 */
public final class SlowReport {

    private final DataSource dataSource;

    public SlowReport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs one statement that takes at least {@code atLeast}. */
    public void run(Duration atLeast) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT pg_sleep(?)")) {
            ps.setDouble(1, atLeast.toNanos() / 1e9);
            try (ResultSet rs = ps.executeQuery()) { // call site of the slow statement (tests find this line)
                rs.next();
            }
        }
    }
}
