package io.queryadvisor.samples.shop.storefront;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One incoming request = one connection from the pool for its whole duration (checkout to close is
 * the unit of work), as a web framework with a connection per request behaves.
 */
final class Requests {

    private final DataSource dataSource;

    Requests(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T run(RequestWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    /** Runs {@code work} in one transaction of the request's connection, rolled back on any failure. */
    <T> T inTransaction(RequestWork<T> work) throws SQLException {
        return run(connection -> {
            connection.setAutoCommit(false); // the pool restores auto-commit when the connection is returned
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        });
    }

    /** What a request does with its connection. */
    @FunctionalInterface
    interface RequestWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
