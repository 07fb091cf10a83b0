package io.queryadvisor.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

    /** Runs statements in this schema, in order, on one connection in auto-commit. */
    public void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** The first column of the first row of a query, as a number (0 when it is NULL). */
    public long queryLong(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("no row from " + sql);
            }
            return rs.getLong(1);
        }
    }

    /** The database's name ({@code current_database()}). */
    public String databaseName() throws SQLException {
        try (Connection c = connect()) {
            return c.getCatalog();
        }
    }
}
