package com.example.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A product's availability as a web controller and its service compute it, each step in a
 * transaction of its own (a repository call, then a transactional service method): the controller
 * loads the product to answer "not found", then the service loads it again by id; or the service is
 * handed the product the controller loaded.
 */
public final class ProductAvailability {

    /** Units in stock, units in order lines, and what remains. */
    public record Availability(long productId, int stock, long ordered) {

        public long available() {
            return stock - ordered;
        }
    }

    private record Product(long id, int stock) {
    }

    private final DataSource dataSource;

    public ProductAvailability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The controller loads the product, and the service loads it again by its id. */
    public Availability loadingTheProductTwice(long productId) throws SQLException {
        Product product = find(productId); // the controller's check
        return availabilityOf(product.id());
    }

    /** The controller loads the product and hands it to the service. */
    public Availability loadingTheProductOnce(long productId) throws SQLException {
        return availabilityOf(find(productId));
    }

    /** The stock of two products, in one query. */
    public long stockOf(long first, long second) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT sum(stock) FROM products WHERE id IN (?, ?)")) {
            ps.setLong(1, first);
            ps.setLong(2, second);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Availability availabilityOf(long productId) throws SQLException {
        return availabilityOf(find(productId)); // the service loads it again
    }

    private Availability availabilityOf(Product product) throws SQLException {
        return inTransaction(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT coalesce(sum(quantity), 0) FROM order_lines WHERE product_id = ?")) {
                ps.setLong(1, product.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Availability(product.id(), product.stock(), rs.getLong(1));
                }
            }
        });
    }

    private Product find(long productId) throws SQLException {
        return inTransaction(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT id, stock FROM products WHERE id = ?")) {
                ps.setLong(1, productId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no product " + productId);
                    }
                    return new Product(rs.getLong("id"), rs.getInt("stock"));
                }
            }
        });
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** {@code work} in a read-only transaction on a connection of its own, as Spring's {@code @Transactional} runs it. */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
