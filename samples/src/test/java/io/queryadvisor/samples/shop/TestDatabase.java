package io.queryadvisor.samples.shop;

import com.zaxxer.hikari.HikariDataSource;
import io.queryadvisor.samples.shop.db.DatabaseServer;
import io.queryadvisor.samples.shop.db.ShopPool;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The real PostgreSQL the tests run against: {@code QUERYADVISOR_TEST_JDBC_URL},
 * {@code QUERYADVISOR_TEST_USER} and {@code QUERYADVISOR_TEST_PASSWORD} when set, else the local
 * server at 127.0.0.1:5432/test as postgres. A test that cannot reach it fails and says how to
 * provide one; nothing is skipped.
 */
public final class TestDatabase {

    public static final String URL = env("QUERYADVISOR_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("QUERYADVISOR_TEST_USER", "postgres");
    public static final String PASSWORD = env("QUERYADVISOR_TEST_PASSWORD", null);

    private TestDatabase() {
    }

    /** The server, after checking that it answers. */
    public static DatabaseServer server() {
        Properties credentials = new Properties();
        credentials.setProperty("user", USER);
        if (PASSWORD != null) {
            credentials.setProperty("password", PASSWORD);
        }
        try (Connection ignored = DriverManager.getConnection(URL, credentials)) {
            return DatabaseServer.external(URL, USER, PASSWORD);
        } catch (SQLException e) {
            throw new AssertionError("Cannot connect to PostgreSQL at " + URL + " as " + USER + " (" + e.getMessage() + ")."
                    + " These tests need a real PostgreSQL (12 or later): start one there, or set QUERYADVISOR_TEST_JDBC_URL,"
                    + " QUERYADVISOR_TEST_USER and QUERYADVISOR_TEST_PASSWORD to one the tests may create schemas in.", e);
        }
    }

    /** A pool whose connections work in {@code schema}, as the application's do. */
    public static HikariDataSource openPool(String schema) {
        return ShopPool.open(server(), schema, 4);
    }

    /** The command-line options that point the application at this server. */
    public static List<String> connectionOptions() {
        List<String> options = new ArrayList<>(List.of("--jdbc-url", URL, "--user", USER));
        if (PASSWORD != null) {
            options.addAll(List.of("--password", PASSWORD));
        }
        return options;
    }

    public static void dropSchema(String schema) throws SQLException {
        try (HikariDataSource pool = openPool("public");
             Connection connection = pool.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
