package io.queryadvisor.advisor.capture;

import java.util.List;

/**
 * One execution of one statement, as the application ran it.
 *
 * <p>For a query the event is made when its result set is closed (or its statement is closed or
 * re-executed), so {@code rowsRead} and the columns read are those the application actually
 * consumed; for an update it is made when the update returns.
 *
 * @param sql           the SQL text exactly as the application passed it (never a copy)
 * @param kind          which execute method ran it
 * @param batchSize     statements in the batch, 1 for a single execution
 * @param bindCount     the highest parameter index the application set, 0 for none
 * @param bindHash      a hash of the bound values (equal binds give equal hashes; 0 for none)
 * @param startNanos    {@link System#nanoTime()} when execution started
 * @param durationNanos how long the execute call took
 * @param rowsRead      rows the application read from the result, or the update count; -1 if unknown
 * @param error         the exception's class name if the statement failed, else {@code null}
 * @param connectionId  identifies the logical connection: one checkout from a pool
 * @param transactionId identifies the transaction on that connection, 0 when in auto-commit
 * @param threadId      the application thread's id
 * @param threadName    the application thread's name
 * @param callSite      the application frame that ran it, or {@code null} when not sampled
 * @param columnsByIndex bit {@code i} set when column {@code i} (1-based, up to 63) was read by index
 * @param columnsByName  the column labels read by name, in first-read order (empty when none)
 * @param request       the incoming request this ran inside, or {@code null}
 * @param source        the data source the connection came from (its pool name, or its class)
 * @param bindValues    a sample of the bound values, by parameter index from 0, or {@code null}
 *                      when this execution was not sampled: only immutable values of types the
 *                      capture layer knows, kept in memory, never exported or logged
 */
public record StatementExecuted(
        String sql,
        StatementKind kind,
        int batchSize,
        int bindCount,
        long bindHash,
        long startNanos,
        long durationNanos,
        long rowsRead,
        String error,
        long connectionId,
        long transactionId,
        long threadId,
        String threadName,
        CallSite callSite,
        long columnsByIndex,
        List<String> columnsByName,
        RequestInfo request,
        String source,
        Object[] bindValues) implements CaptureEvent {

    public boolean failed() {
        return error != null;
    }
}
