package io.queryadvisor.samples.shop.repository;

import io.queryadvisor.samples.shop.model.Customer;
import io.queryadvisor.samples.shop.model.CustomerRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
}
