package io.queryadvisor.samples.shop.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Opens the shop's HikariCP pool: every connection's search path is the shop's schema. */
public final class ShopPool {

    private ShopPool() {
    }

    /**
     * Opens a pool of {@code size} connections to {@code server} whose queries see the tables of
     * {@code schema} unqualified. Fails at once (HikariCP's {@code PoolInitializationException})
     * when the server cannot be reached, rather than on the first request.
     */
    public static HikariDataSource open(DatabaseServer server, String schema, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("shop-pool");
        config.setJdbcUrl(server.jdbcUrl());
        if (server.user() != null) {
            config.setUsername(server.user());
        }
        if (server.password() != null) {
            config.setPassword(server.password());
        }
        // Connection.setSchema on PostgreSQL sets the search_path, so the shop's SQL stays free of
        // schema names and reads like any application's.
        config.setSchema(schema);
        // the same as a driver property: whoever connects as the pool does (the agent's database
        // probe, to EXPLAIN the shop's statements) lands in the schema too
        config.addDataSourceProperty("currentSchema", schema);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("ApplicationName", "query-advisor-sample-shop");
        return new HikariDataSource(config);
    }
}
