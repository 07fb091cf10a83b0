package io.queryadvisor.samples.shop.repository;

import io.queryadvisor.samples.shop.model.ProductSummary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** A product's page and the warehouse's restocking. */
public final class StockRepository {

    /** One product's summary, for a part of its page (header, price box, "buy" button). */
    public ProductSummary findSummary(Connection connection, long productId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, name, price FROM products WHERE id = ?")) {
            select.setLong(1, productId);
            try (ResultSet rs = select.executeQuery()) { // here, so that a finding's call site is this method
                return one(ProductRepository.summaries(rs));
            }
        }
    }

    /** Well written: what the whole product page needs, read once and handed to each of its parts. */
    public ProductSummary findForPage(Connection connection, long productId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                    "SELECT p.id, p.name, p.price FROM products p WHERE p.id = ?")) {
            select.setLong(1, productId);
            try (ResultSet rs = select.executeQuery()) { // here, so that a finding's call site is this method
                return one(ProductRepository.summaries(rs));
            }
        }
    }

    /** Adds {@code quantity} to the stock of one product. */
    public void addStock(Connection connection, long productId, int quantity) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE products SET stock = stock + ? WHERE id = ?")) {
            update.setInt(1, quantity);
            update.setLong(2, productId);
            update.executeUpdate();
        }
    }

    /** Well written: the stock of all {@code productIds} in one JDBC batch, one round trip. */
    public void addStockInBatch(Connection connection, List<Long> productIds, int quantity) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE products SET stock = stock + ? WHERE id = ?")) {
            for (long id : productIds) {
                update.setInt(1, quantity);
                update.setLong(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** The one row a lookup by primary key finds. */
    private static ProductSummary one(List<ProductSummary> rows) {
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one product, found " + rows.size());
        }
        return rows.get(0);
    }
}
