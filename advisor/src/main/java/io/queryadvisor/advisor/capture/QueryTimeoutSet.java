package io.queryadvisor.advisor.capture;

/**
 * The application set a query timeout on a statement ({@code Statement.setQueryTimeout}).
 *
 * @param connectionId   the connection of the statement
 * @param sql            the prepared statement's SQL, or {@code null} for a plain statement
 * @param timeoutSeconds the timeout set; 0 means none
 * @param startNanos     when it was set
 */
public record QueryTimeoutSet(long connectionId, String sql, int timeoutSeconds, long startNanos)
        implements CaptureEvent {
}
