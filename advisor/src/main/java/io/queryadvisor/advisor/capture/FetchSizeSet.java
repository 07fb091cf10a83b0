package io.queryadvisor.advisor.capture;

/**
 * The application set a fetch size on a statement ({@code Statement.setFetchSize}), asking the
 * driver to stream a result in chunks of that many rows instead of buffering all of it.
 *
 * @param connectionId the connection of the statement
 * @param sql          the prepared statement's SQL, or {@code null} for a plain statement
 * @param fetchSize    the rows per round trip set; 0 means the driver's default
 * @param startNanos   when it was set
 */
public record FetchSizeSet(long connectionId, String sql, int fetchSize, long startNanos) implements CaptureEvent {
}
