package com.example.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * One visit to a product page, on one connection checkout: a plain statement, a prepared query run
 * twice and an update, {@value #STATEMENTS_PER_VISIT} statements in all.
 */
public final class Storefront {

    public static final int STATEMENTS_PER_VISIT = 4;

    private final DataSource dataSource;

    public Storefront(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Shows {@code productId} and the product after it, and takes one of it from stock. */
    public void visit(long productId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) { // the visit's checkout
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM customers")) {
                rs.next();
            }
            try (PreparedStatement product = connection.prepareStatement(
                    "SELECT name, price FROM products WHERE id = ?")) {
                for (long id : new long[] {productId, productId + 1}) {
                    product.setLong(1, id);
                    try (ResultSet rs = product.executeQuery()) {
                        rs.next();
                    }
                }
            }
            try (PreparedStatement take = connection.prepareStatement(
                    "UPDATE products SET stock = stock - 1 WHERE id = ?")) {
                take.setLong(1, productId);
                take.executeUpdate();
            }
        }
    }
}
