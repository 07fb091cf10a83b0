package io.queryadvisor.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The MariaDB the tests that need one run against: the CI's (127.0.0.1:3306, database {@code test},
 * user root without a password), or the one {@code QUERYADVISOR_TEST_MARIADB_URL},
 * {@code QUERYADVISOR_TEST_MARIADB_USER} and {@code QUERYADVISOR_TEST_MARIADB_PASSWORD} name. A test
 * that cannot reach it fails, saying so; it never skips.
 */
public final class TestMariaDb {

    static final String URL = "QUERYADVISOR_TEST_MARIADB_URL";
    static final String USER = "QUERYADVISOR_TEST_MARIADB_USER";
    static final String PASSWORD = "QUERYADVISOR_TEST_MARIADB_PASSWORD";

    private TestMariaDb() {
    }

    public static String jdbcUrl() {
        return setting(System.getenv(), URL, "jdbc:mariadb://127.0.0.1:3306/test");
    }

    public static String user() {
        return setting(System.getenv(), USER, "root");
    }

    public static String password() {
        return setting(System.getenv(), PASSWORD, "");
    }

    /** A new connection through {@link DriverManager}; the caller closes it. */
    public static Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(jdbcUrl(), user(), password());
        } catch (SQLException e) {
            throw new SQLException("The test MariaDB at " + jdbcUrl() + " as " + user() + " does not answer: "
                    + e.getMessage() + ". Start it (see .ci/run) or set " + URL + ", " + USER + " and " + PASSWORD + ".", e);
        }
    }

    private static String setting(Map<String, String> environment, String name, String defaultValue) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }
}
