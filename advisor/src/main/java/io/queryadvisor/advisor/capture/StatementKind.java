package io.queryadvisor.advisor.capture;

/** Which JDBC method ran the statement; the SQL itself is classified later, off the hot path. */
public enum StatementKind {
    /** {@code executeQuery}: returns a result set. */
    QUERY,
    /** {@code executeUpdate} / {@code executeLargeUpdate}. */
    UPDATE,
    /** {@code execute}: either, decided by the driver. */
    EXECUTE,
    /** {@code executeBatch} / {@code executeLargeBatch}. */
    BATCH
}
