package com.example.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Stands for application code in tests: its frames are what call sites must point to. */
public final class OrderQueries {

    private OrderQueries() {
    }

    /** Reads column 1 by index and {@code name} by label from every row with {@code id <= maxId}. */
    public static int readItemsUpTo(Connection connection, int maxId) throws SQLException {
        int rows = 0;
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, name, price FROM item WHERE id <= ?")) {
            ps.setInt(1, maxId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getInt(1);
                    rs.getString("name");
                    rows++;
                }
            }
        }
        return rows;
    }
}
