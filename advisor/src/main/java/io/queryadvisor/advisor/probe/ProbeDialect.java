package io.queryadvisor.advisor.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.queryadvisor.advisor.capture.Dialect;

/**
 * What the probe asks one kind of database, and how: the one extension point of the probe. Adding
 * a database is writing one class and naming it in {@link #of}.
 *
 * <p>Every method runs on the probe's own thread, on the probe's own connection, inside a
 * read-only transaction that the probe rolls back after each request. Nothing here may run a
 * statement the application wrote: plans come from plain EXPLAIN, never EXPLAIN ANALYZE.
 */
public interface ProbeDialect {

    /**
     * Makes a fresh connection the probe's: read-only, with the statement and lock timeouts, named
     * where the database shows connection names. Runs in auto-commit, so that the settings last
     * the session rather than one transaction.
     */
    void setUp(Connection connection, ProbeConfig config) throws SQLException;

    /** The plan of one statement, for its bind values or (empty {@code binds}) without. */
    ExplainResult explain(Connection connection, String sql, List<Object> binds) throws SQLException, ProbeRefused;

    /** The plan of {@code sql} before and with a hypothetical index. */
    default HypotheticalIndexResult hypothetical(Connection connection, String sql, List<Object> binds,
                                                 String createIndexSql) throws SQLException, ProbeRefused {
        throw new ProbeRefused(ProbeFailure.Kind.UNSUPPORTED_DATABASE, "hypothetical indexes need PostgreSQL");
    }

    /** What the catalog says of one table. */
    default TableFactsResult tableFacts(Connection connection, String table, List<String> columns)
            throws SQLException, ProbeRefused {
        throw new ProbeRefused(ProbeFailure.Kind.UNSUPPORTED_DATABASE, "table facts are read from PostgreSQL only");
    }

    /** The schema's indexes and tables with their usage and health. */
    default SchemaFactsResult schemaFacts(Connection connection) throws SQLException, ProbeRefused {
        throw new ProbeRefused(ProbeFailure.Kind.UNSUPPORTED_DATABASE, "schema facts are read from PostgreSQL only");
    }

    /**
     * Ends a request, whatever happened in it: rolls back and undoes whatever the dialect left in
     * the session. When this throws, the probe closes the connection rather than reuse it.
     */
    default void cleanUp(Connection connection) throws SQLException {
        connection.rollback();
    }

    /** What kind of failure an error of this database is. */
    default ProbeFailure.Kind classify(SQLException e) {
        return SqlStates.classify(e);
    }

    /** The probe's dialect for {@code dialect}, or {@code null} when the probe cannot ask that database. */
    static ProbeDialect of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresProbe();
            case MYSQL -> new MySqlProbe();
            case H2, OTHER -> null;
        };
    }
}
