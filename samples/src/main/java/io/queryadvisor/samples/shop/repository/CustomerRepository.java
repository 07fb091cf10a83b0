package io.queryadvisor.samples.shop.repository;

import io.queryadvisor.samples.shop.model.Customer;
import io.queryadvisor.samples.shop.model.CustomerRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads customers. */
public final class CustomerRepository {

    /** Well written: primary-key lookup, explicit columns, bound id. */
    public Optional<Customer> findById(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, name, email, city FROM customers WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Customer(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("city")))
                        : Optional.empty();
            }
        }
    }

    /** The login lookup. */
    public Optional<CustomerRef> findByEmail(Connection connection, String email) throws SQLException {
        // PLANTED: missing-index — customers.email has no index (see ShopSchema), so every login
        // reads all 20k customers (a sequential scan) to find one row.
        try (PreparedStatement select = connection.prepareStatement("SELECT id, name FROM customers WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new CustomerRef(rs.getLong("id"), rs.getString("name"))) : Optional.empty();
            }
        }
    }

    /** Every customer, for the mailing list's export. */
    public List<CustomerRef> exportAll(Connection connection) throws SQLException {
        // PLANTED: unbounded-result — no LIMIT: every customer (20,000 at scale 1, more as the shop
        // grows) in one result, buffered whole by the driver (no fetch size). exportPage is the twin.
        try (PreparedStatement select = connection.prepareStatement("SELECT id, name FROM customers");
             ResultSet rs = select.executeQuery()) {
            return refs(rs);
        }
    }

    /** Well written: the export one bounded page at a time, after customer {@code afterId}. */
    public List<CustomerRef> exportPage(Connection connection, long afterId, int pageSize) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name FROM customers WHERE id > ? ORDER BY id LIMIT ?")) {
            select.setLong(1, afterId);
            select.setInt(2, pageSize);
            try (ResultSet rs = select.executeQuery()) {
                return refs(rs);
            }
        }
    }

    private static List<CustomerRef> refs(ResultSet rs) throws SQLException {
        List<CustomerRef> customers = new ArrayList<>();
        while (rs.next()) {
            customers.add(new CustomerRef(rs.getLong("id"), rs.getString("name")));
        }
        return customers;
    }
}
