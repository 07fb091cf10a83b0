package io.queryadvisor.advisor.probe;

import java.sql.SQLException;

import io.queryadvisor.advisor.probe.ProbeFailure.Kind;

/**
 * Reads what kind of failure a database error is from its SQLSTATE (and, for MariaDB/MySQL, whose
 * SQLSTATEs are coarse, its error code).
 */
final class SqlStates {

    private SqlStates() {
    }

    static Kind classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return Kind.CONNECTION_LOST; // connection exception; PostgreSQL: terminated by an administrator or shutdown
        }
        return switch (state) {
            case "57014", "55P03", "70100" -> Kind.TIMEOUT; // PG statement_timeout, PG lock_timeout, MariaDB max_statement_time
            case "25006" -> Kind.READ_ONLY;
            case "42P01", "42703", "42704", "42883", "3F000", "42S02", "42S22" -> Kind.MISSING_OBJECT;
            default -> switch (e.getErrorCode()) {
                case 1205, 3024, 1969 -> Kind.TIMEOUT; // lock wait timeout; MySQL max_execution_time; MariaDB max_statement_time
                case 1792 -> Kind.READ_ONLY;
                case 2006, 2013 -> Kind.CONNECTION_LOST; // server has gone away; lost connection during query
                default -> Kind.STATEMENT_FAILED;
            };
        };
    }
}
