package io.queryadvisor.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * The MariaDB the tests that concern MariaDB/MySQL run against: {@code QUERYADVISOR_TEST_MARIADB_URL}
 * (default {@code jdbc:mariadb://127.0.0.1:3306/test}, the database CI creates), with
 * {@code QUERYADVISOR_TEST_MARIADB_USER} (default root) and {@code QUERYADVISOR_TEST_MARIADB_PASSWORD}
 * (default empty). A test that cannot reach it fails and says how to provide one; none is skipped.
 *
 * @param jdbcUrl  a {@code jdbc:mariadb:} URL naming the database to work in
 * @param user     the user name
 * @param password the password, empty for none
 */
public record TestMariaDb(String jdbcUrl, String user, String password) {

    static final String URL = "QUERYADVISOR_TEST_MARIADB_URL";
    static final String USER = "QUERYADVISOR_TEST_MARIADB_USER";
    static final String PASSWORD = "QUERYADVISOR_TEST_MARIADB_PASSWORD";

    /** The MariaDB the environment names, after checking that it answers. */
    public static TestMariaDb shared() {
        TestMariaDb db = from(System.getenv());
        try (Connection ignored = db.connect()) {
            return db;
        } catch (SQLException e) {
            throw new IllegalStateException("The test MariaDB at " + db.jdbcUrl + " as " + db.user
                    + " does not answer: " + e.getMessage() + ". Start one there, or set " + URL + " (e.g."
                    + " jdbc:mariadb://127.0.0.1:3306/test), " + USER + " and " + PASSWORD + ".", e);
        }
    }

    static TestMariaDb from(Map<String, String> environment) {
        return new TestMariaDb(value(environment, URL, "jdbc:mariadb://127.0.0.1:3306/test"),
                value(environment, USER, "root"), environment.getOrDefault(PASSWORD, ""));
    }

    /** A new connection to the database; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl, login);
    }

    @Override
    public String toString() {
        return "TestMariaDb[" + jdbcUrl + " as " + user + "]"; // never the password
    }

    private static String value(Map<String, String> environment, String name, String defaultValue) {
        String v = environment.get(name);
        return v == null || v.isBlank() ? defaultValue : v.trim();
    }
}
