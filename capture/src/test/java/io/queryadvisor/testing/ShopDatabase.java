package io.queryadvisor.testing;

import java.sql.Connection;
import java.sql.SQLException;

import com.example.shop.ShopSchema;

/** The shop's tables and rows in a schema of the test class's own, on the test PostgreSQL. */
public final class ShopDatabase {

    private ShopDatabase() {
    }

    /**
     * A fresh schema for {@code testClass} holding {@link ShopSchema}'s tables. Call it from
     * {@code @BeforeAll}, before any test's capture is on, so that building the shop is not captured.
     */
    public static TestSchema freshFor(Class<?> testClass) throws SQLException {
        TestSchema schema = TestDatabase.shared().freshSchema(testClass);
        try (Connection connection = schema.connect()) {
            ShopSchema.create(connection);
        }
        return schema;
    }
}
