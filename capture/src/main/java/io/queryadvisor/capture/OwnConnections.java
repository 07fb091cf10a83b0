package io.queryadvisor.capture;

import java.sql.Connection;
import java.sql.SQLException;

import io.queryadvisor.advisor.probe.DatabaseConnector;

/**
 * Opens Query Advisor's own connections (the database probe's). Under the agent, a driver's
 * {@code connect} is instrumented like the application's; the flag set here tells the
 * instrumentation that this connection is ours: not to be wrapped, counted or remembered.
 */
final class OwnConnections {

    private OwnConnections() {
    }

    static Connection open(DatabaseConnector how) throws SQLException {
        CaptureContext context = CaptureContext.current();
        boolean outer = context.uncaptured;
        context.uncaptured = true;
        try {
            Connection connection = how.open();
            if (connection == null) {
                throw new SQLException("the driver did not accept the URL");
            }
            return connection;
        } finally {
            context.uncaptured = outer;
        }
    }
}
