package io.queryadvisor.samples.shop.repository;

import io.queryadvisor.samples.shop.model.CartLine;
import io.queryadvisor.samples.shop.model.Order;
import io.queryadvisor.samples.shop.model.OrderLine;
import io.queryadvisor.samples.shop.model.OrderWithLines;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes orders and their lines. */
public final class OrderRepository {

    /** The status of an order just placed. */
    public static final String NEW_ORDER_STATUS = "PENDING";

    /** A customer's last {@code limit} orders, newest first, without their lines. */
    public List<Order> findRecent(Connection connection, long customerId, int limit) throws SQLException {
        String sql = "SELECT id, customer_id, status, created_at FROM orders WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, customerId);
            select.setInt(2, limit);
            List<Order> orders = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    orders.add(order(rs, "id"));
                }
            }
            return orders;
        }
    }

    /** The lines of one order. Fine on its own; called once per order in a loop it is an N+1 (see Storefront). */
    public List<OrderLine> findLines(Connection connection, long orderId) throws SQLException {
        String sql = "SELECT id, order_id, product_id, quantity, unit_price FROM order_lines WHERE order_id = ? ORDER BY id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, orderId);
            List<OrderLine> lines = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lines.add(line(rs, "id"));
                }
            }
            return lines;
        }
    }

    /** Well written: a customer's last {@code limit} orders with their lines, in ONE query. */
    public List<OrderWithLines> findRecentWithLines(Connection connection, long customerId, int limit) throws SQLException {
        // The LIMIT applies to orders (in the derived table), not to the joined rows.
        String sql = """
                SELECT o.id AS order_id, o.customer_id, o.status, o.created_at,
                       ol.id AS line_id, ol.product_id, ol.quantity, ol.unit_price
                  FROM (SELECT id, customer_id, status, created_at FROM orders
                         WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT ?) o
                  LEFT JOIN order_lines ol ON ol.order_id = o.id
                 ORDER BY o.created_at DESC, o.id DESC, ol.id""";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, customerId);
            select.setInt(2, limit);
            // Order is a record: equal rows give equal keys, so the map groups the lines by order.
            Map<Order, List<OrderLine>> linesByOrder = new LinkedHashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    List<OrderLine> lines = linesByOrder.computeIfAbsent(order(rs, "order_id"), order -> new ArrayList<>());
                    if (rs.getObject("line_id") != null) {
                        lines.add(line(rs, "line_id"));
                    }
                }
            }
            return linesByOrder.entrySet().stream().map(entry -> new OrderWithLines(entry.getKey(), entry.getValue())).toList();
        }
    }

    /** Inserts an order header for {@code customerId}; returns its id. Part of the caller's transaction. */
    public long insertOrder(Connection connection, long customerId) throws SQLException {
        String sql = "INSERT INTO orders (customer_id, status, created_at) VALUES (?, ?, localtimestamp) RETURNING id";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, customerId);
            insert.setString(2, NEW_ORDER_STATUS);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Well written: all of an order's lines in one JDBC batch (one round trip), part of the caller's transaction. */
    public void insertLines(Connection connection, long orderId, List<CartLine> cart) throws SQLException {
        String sql = "INSERT INTO order_lines (order_id, product_id, quantity, unit_price) VALUES (?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (CartLine item : cart) {
                insert.setLong(1, orderId);
                insert.setLong(2, item.productId());
                insert.setInt(3, item.quantity());
                insert.setBigDecimal(4, item.unitPrice());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static Order order(ResultSet rs, String idColumn) throws SQLException {
        return new Order(rs.getLong(idColumn), rs.getLong("customer_id"), rs.getString("status"),
                rs.getObject("created_at", LocalDateTime.class));
    }

    private static OrderLine line(ResultSet rs, String idColumn) throws SQLException {
        return new OrderLine(rs.getLong(idColumn), rs.getLong("order_id"), rs.getLong("product_id"),
                rs.getInt("quantity"), rs.getBigDecimal("unit_price"));
    }
}
