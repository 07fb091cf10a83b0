package io.queryadvisor.advisor.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.probe.ProbeFailure.Kind;

/**
 * The probe's own connection to one data source: opened through the source's
 * {@link DatabaseConnector} on first use, set up read-only with timeouts, one read-only
 * transaction per request (rolled back after it), closed when lost, when idle too long, and at
 * shutdown, and opened again by the next request. The probe's thread only.
 */
final class ProbeSession implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.queryadvisor");

    private final DatabaseIdentified target;
    private final ProbeConfig config;
    private final ProbeFailures failures;
    private Connection connection;
    private ProbeDialect dialect;
    private long lastUsedNanos;

    ProbeSession(DatabaseIdentified target, ProbeConfig config, ProbeFailures failures) {
        this.target = target;
        this.config = config;
        this.failures = failures;
    }

    /** The data source this session was made for (a new identification of the source replaces the session). */
    DatabaseIdentified target() {
        return target;
    }

    /** Runs one request; never throws. */
    ProbeResult run(ProbeRequest request) {
        lastUsedNanos = System.nanoTime();
        String source = target.source();
        if (connection == null) {
            try {
                open();
            } catch (SQLException e) {
                return failures.failed(source, Kind.CONNECTION_FAILED, ProbeFailures.describe(e, Kind.CONNECTION_FAILED,
                        false), null);
            } catch (RuntimeException e) {
                return failures.failed(source, Kind.CONNECTION_FAILED, "the connector failed: " + e, null);
            }
        }
        try {
            return dispatch(request);
        } catch (ProbeRefused e) {
            return failures.failed(source, e.kind(), e.getMessage(), null);
        } catch (SQLException e) {
            Kind kind = lost() ? Kind.CONNECTION_LOST : dialect.classify(e);
            if (kind == Kind.CONNECTION_LOST) {
                close(); // the next request opens a new one
            }
            return failures.failed(source, kind, ProbeFailures.describe(e, kind, hasValues(request)), null);
        } catch (RuntimeException e) {
            return failures.failed(source, Kind.INTERNAL, e.toString(), e);
        } finally {
            endRequest();
        }
    }

    private ProbeResult dispatch(ProbeRequest request) throws SQLException, ProbeRefused {
        if (request instanceof ExplainRequest r) {
            return dialect.explain(connection, r.sql(), r.binds());
        } else if (request instanceof HypotheticalIndexRequest r) {
            return dialect.hypothetical(connection, r.sql(), r.binds(), r.createIndexSql());
        } else if (request instanceof TableFactsRequest r) {
            return dialect.tableFacts(connection, r.table(), r.columns());
        } else if (request instanceof SchemaFactsRequest) {
            return dialect.schemaFacts(connection);
        }
        throw new IllegalArgumentException("unknown request " + request.getClass().getName());
    }

    private void open() throws SQLException {
        Connection opened = target.connector().open();
        try {
            // statement_timeout is the server's; this bounds a wait on a network that stopped answering
            opened.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE,
                    config.statementTimeout().toMillis() * 2 + 5_000));
            opened.setAutoCommit(true); // the session's settings must outlast the first rollback
            ProbeDialect d = ProbeDialect.of(target.dialect());
            d.setUp(opened, config);
            opened.setAutoCommit(false);
            connection = opened;
            dialect = d;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
    }

    private void endRequest() {
        if (connection == null) {
            return;
        }
        try {
            dialect.cleanUp(connection);
        } catch (SQLException | RuntimeException e) {
            // a connection that cannot be brought back to a clean state is not used again
            close();
        }
    }

    private boolean lost() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Closes the connection when it has not been used for {@code idleNanos}. */
    void closeIfIdle(long nowNanos, long idleNanos) {
        if (connection != null && nowNanos - lastUsedNanos >= idleNanos) {
            close();
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
            dialect = null;
        }
    }

    private static boolean hasValues(ProbeRequest request) {
        List<Object> binds = request instanceof ExplainRequest r ? r.binds()
                : request instanceof HypotheticalIndexRequest r ? r.binds() : List.of();
        return !binds.isEmpty();
    }

    private void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Query Advisor: closing the probe's connection to " + target.source()
                    + " failed", e);
        }
    }
}
