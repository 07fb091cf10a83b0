package com.example.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

/** Adds lines to an order in one JDBC batch: one round trip however many lines. */
public final class OrderImport {

    private final DataSource dataSource;

    public OrderImport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts {@code lines}; returns the rows inserted. */
    public int addLines(List<OrderLine> lines) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO order_lines (order_id, product_id, quantity) VALUES (?, ?, ?)")) {
            for (OrderLine line : lines) {
                insert.setLong(1, line.orderId());
                insert.setLong(2, line.productId());
                insert.setInt(3, line.quantity());
                insert.addBatch();
            }
            int inserted = 0;
            for (int count : insert.executeBatch()) {
                inserted += count;
            }
            return inserted;
        }
    }
}
