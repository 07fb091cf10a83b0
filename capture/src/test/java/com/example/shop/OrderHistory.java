package com.example.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * A customer's past orders, read three ways: one query per order (the N+1 an ORM's lazy loading
 * makes), one JOIN, and the same order's lines read again and again. Each reads through one
 * connection checkout, as one service call would.
 */
public final class OrderHistory {

    private static final String LINES_OF_ORDER =
            "SELECT product_id, quantity FROM order_lines WHERE order_id = ? ORDER BY product_id";

    private final DataSource dataSource;

    public OrderHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The orders, then each order's lines while walking over them: one query per order. */
    public List<OrderLine> linesOneOrderAtATime(long customerId) throws SQLException {
        List<OrderLine> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement orders = connection.prepareStatement(
                     "SELECT id, placed_on FROM orders WHERE customer_id = ? ORDER BY id");
             PreparedStatement linesOfOrder = connection.prepareStatement(LINES_OF_ORDER)) {
            orders.setLong(1, customerId);
            try (ResultSet order = orders.executeQuery()) {
                while (order.next()) {
                    long orderId = order.getLong("id");
                    linesOfOrder.setLong(1, orderId);
                    try (ResultSet line = linesOfOrder.executeQuery()) { // call site of the N+1 loop (tests find this line)
                        readLines(orderId, line, lines);
                    }
                }
            }
        }
        return lines;
    }

    /** The same lines in one query. */
    public List<OrderLine> linesInOneQuery(long customerId) throws SQLException {
        List<OrderLine> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement joined = connection.prepareStatement(
                     "SELECT o.id, l.product_id, l.quantity FROM orders o JOIN order_lines l ON l.order_id = o.id"
                             + " WHERE o.customer_id = ? ORDER BY o.id, l.product_id")) {
            joined.setLong(1, customerId);
            try (ResultSet rs = joined.executeQuery()) {
                while (rs.next()) {
                    lines.add(new OrderLine(rs.getLong("id"), rs.getLong("product_id"), rs.getInt("quantity")));
                }
            }
        }
        return lines;
    }

    /** One order's lines, read {@code times} times over (as every widget of a page asking for them would). */
    public int linesOfOneOrderRepeatedly(long orderId, int times) throws SQLException {
        int read = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement linesOfOrder = connection.prepareStatement(LINES_OF_ORDER)) {
            for (int i = 0; i < times; i++) {
                linesOfOrder.setLong(1, orderId);
                try (ResultSet line = linesOfOrder.executeQuery()) {
                    List<OrderLine> lines = new ArrayList<>();
                    readLines(orderId, line, lines);
                    read += lines.size();
                }
            }
        }
        return read;
    }

    private static void readLines(long orderId, ResultSet line, List<OrderLine> into) throws SQLException {
        while (line.next()) {
            into.add(new OrderLine(orderId, line.getLong("product_id"), line.getInt("quantity")));
        }
    }
}
