package io.queryadvisor.samples.shop.repository;

import io.queryadvisor.samples.shop.model.Order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The back office's reads and fixes of orders: the order list, a customer's orders, an order's owner. */
public final class OrderAdminRepository {

    /** One page of all orders, newest first, by page number. */
    public List<Order> findPage(Connection connection, int page, int pageSize) throws SQLException {
        // PLANTED: deep-offset — the database reads and throws away page * pageSize rows before the
        // page; the back office's list reaches page 100 and beyond. findPageBefore is the keyset twin.
        String sql = "SELECT id, customer_id, status, created_at FROM orders ORDER BY id DESC LIMIT ? OFFSET ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, pageSize);
            select.setLong(2, (long) page * pageSize);
            try (ResultSet rs = select.executeQuery()) {
                return orders(rs);
            }
        }
    }

    /** How many orders there are, for "page N of M" beside every page (part of the planted deep-offset). */
    public long countAll(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM orders");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Well written: the page of orders after the last one shown (keyset), through the primary key, no count. */
    public List<Order> findPageBefore(Connection connection, long beforeId, int pageSize) throws SQLException {
        String sql = "SELECT id, customer_id, status, created_at FROM orders WHERE id < ? ORDER BY id DESC LIMIT ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, beforeId);
            select.setInt(2, pageSize);
            try (ResultSet rs = select.executeQuery()) {
                return orders(rs);
            }
        }
    }

    /** A customer's orders, for the support desk. */
    public List<Order> findByCustomerInlined(Connection connection, long customerId) throws SQLException {
        // PLANTED: literal-parameters — the id is written into the SQL: one new text per customer, parsed
        // and planned every time (and an injection waiting for a string id). findByCustomer is the twin.
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT id, customer_id, status, created_at FROM orders WHERE customer_id = "
                     + customerId + " ORDER BY id")) {
            return orders(rs);
        }
    }

    /** Well written: the same read with the id bound. */
    public List<Order> findByCustomer(Connection connection, long customerId) throws SQLException {
        String sql = "SELECT id, customer_id, status, created_at FROM orders WHERE customer_id = ? ORDER BY id DESC";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, customerId);
            try (ResultSet rs = select.executeQuery()) {
                return orders(rs);
            }
        }
    }

    /** Gives an order placed as a guest to its customer. Part of the caller's transaction. */
    public void assignCustomer(Connection connection, long orderId, long customerId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE orders SET customer_id = ? WHERE id = ?")) {
            update.setLong(1, customerId);
            update.setLong(2, orderId);
            update.executeUpdate();
        }
    }

    // Each method executes its own statement: the call site a finding shows is that method, not a helper.
    private static List<Order> orders(ResultSet rs) throws SQLException {
        List<Order> orders = new ArrayList<>();
        while (rs.next()) {
            orders.add(OrderRepository.order(rs, "id"));
        }
        return orders;
    }
}
