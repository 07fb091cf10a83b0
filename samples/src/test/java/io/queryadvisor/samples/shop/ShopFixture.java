package io.queryadvisor.samples.shop;

import com.zaxxer.hikari.HikariDataSource;
import io.queryadvisor.samples.shop.db.DataGenerator;
import io.queryadvisor.samples.shop.db.DataSet;
import io.queryadvisor.samples.shop.db.ShopSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The shop's schema {@value #SCHEMA}, generated at scale 1 once per test JVM and shared by the
 * test classes (generation takes a couple of seconds). Tests may add orders; none deletes anything.
 */
public final class ShopFixture {

    public static final String SCHEMA = "shop_test";

    private static ShopFixture shared;

    private final HikariDataSource pool;
    private final DataSet data;
    private final Duration generation;

    private ShopFixture(HikariDataSource pool, DataSet data, Duration generation) {
        this.pool = pool;
        this.data = data;
        this.generation = generation;
    }

    public static synchronized ShopFixture get() throws SQLException {
        if (shared == null) {
            HikariDataSource pool = TestDatabase.openPool(SCHEMA);
            DataSet data = DataSet.ofScale(1);
            Duration generation = new DataGenerator(new ShopSchema(SCHEMA), data).generate(pool);
            shared = new ShopFixture(pool, data, generation);
        }
        return shared;
    }

    public HikariDataSource pool() {
        return pool;
    }

    public DataSet data() {
        return data;
    }

    public Duration generation() {
        return generation;
    }

    /** The single number {@code sql} returns, for checking the data behind the shop's back. */
    public long queryForLong(String sql, Object... parameters) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
