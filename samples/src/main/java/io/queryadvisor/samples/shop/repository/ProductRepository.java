package io.queryadvisor.samples.shop.repository;

import io.queryadvisor.samples.shop.model.ProductSummary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads products for the listings. */
public final class ProductRepository {

    /** All products of a category, for the category page. */
    public List<ProductSummary> findByCategory(Connection connection, String category) throws SQLException {
        // PLANTED: select-star — fetches all 10 columns (description included) of every product of the
        // category, while summaries() reads only id, name and price, by name.
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM products WHERE category = ?")) {
            select.setString(1, category);
            return summaries(select);
        }
    }

    /** Well written: one page of the catalogue by keyset (ids after {@code afterId}), explicit columns, bound LIMIT. */
    public List<ProductSummary> listAfter(Connection connection, long afterId, int pageSize) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, name, price FROM products WHERE id > ? ORDER BY id LIMIT ?")) {
            select.setLong(1, afterId);
            select.setInt(2, pageSize);
            return summaries(select);
        }
    }

    private static List<ProductSummary> summaries(PreparedStatement select) throws SQLException {
        try (ResultSet rs = select.executeQuery()) {
            return summaries(rs);
        }
    }

    static List<ProductSummary> summaries(ResultSet rs) throws SQLException {
        List<ProductSummary> products = new ArrayList<>();
        while (rs.next()) {
            products.add(new ProductSummary(rs.getLong("id"), rs.getString("name"), rs.getBigDecimal("price")));
        }
        return products;
    }
}
