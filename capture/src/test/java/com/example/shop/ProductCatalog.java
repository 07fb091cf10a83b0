package com.example.shop;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Product listings: the same price tags read with {@code SELECT *} and with the columns named. */
public final class ProductCatalog {

    private final DataSource dataSource;

    public ProductCatalog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Price tags of the products cheaper than {@code limit}, fetching every column to read two. */
    public List<PriceTag> cheaperThanFetchingEveryColumn(BigDecimal limit) throws SQLException {
        return priceTags("SELECT * FROM products WHERE price < ? ORDER BY id", limit);
    }

    /** The same price tags, fetching only the columns they need. */
    public List<PriceTag> cheaperThan(BigDecimal limit) throws SQLException {
        return priceTags("SELECT name, price FROM products WHERE price < ? ORDER BY id", limit);
    }

    /** One product's name, by its primary key: as fast as a query gets. */
    public String nameOf(long productId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT name FROM products WHERE id = ?")) {
            ps.setLong(1, productId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString("name") : null;
            }
        }
    }

    private List<PriceTag> priceTags(String sql, BigDecimal limit) throws SQLException {
        List<PriceTag> tags = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setBigDecimal(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.add(new PriceTag(rs.getString("name"), rs.getBigDecimal("price")));
                }
            }
        }
        return tags;
    }
}
