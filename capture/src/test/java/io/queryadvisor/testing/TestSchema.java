package io.queryadvisor.testing;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A schema of its own for one test class, empty when handed out: its URL carries
 * {@code currentSchema}, so unqualified table names land in it and never collide with another
 * test's tables.
 *
 * @param name     the schema's name (lower case, safe to splice into SQL)
 * @param database where to connect; its URL selects the schema
 */
public record TestSchema(String name, DatabaseCoordinates database) {

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    public String user() {
        return database.user();
    }

    public String password() {
        return database.password();
    }

    /** A new connection whose current schema is this one; the caller closes it. */
    public Connection connect() throws SQLException {
        return database.connect();
    }
}
