package io.queryadvisor.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a test PostgreSQL is and how to log in: everything a child JVM needs to be handed.
 *
 * @param jdbcUrl  a {@code jdbc:postgresql:} URL
 * @param user     the user name
 * @param password the password, empty for none (never {@code null})
 * @param origin   how the database was found, for messages: "environment", "Testcontainers", "embedded"
 */
public record DatabaseCoordinates(String jdbcUrl, String user, String password, String origin) {

    public DatabaseCoordinates {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        password = password == null ? "" : password;
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        // DriverManager rather than a DataSource class, so that the URL's own parameters
        // (currentSchema, sslmode, ...) apply exactly as a child JVM would see them.
        return DriverManager.getConnection(jdbcUrl, login);
    }

    /** The same database with one more URL parameter, e.g. {@code currentSchema}. */
    public DatabaseCoordinates withUrlParameter(String name, String value) {
        String separator = jdbcUrl.indexOf('?') >= 0 ? "&" : "?";
        return new DatabaseCoordinates(jdbcUrl + separator + name + "=" + value, user, password, origin);
    }
}
