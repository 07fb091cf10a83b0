package io.queryadvisor.capture.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.RequestInfo;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.faults.FaultInjection;
import io.queryadvisor.advisor.faults.FaultyStep;
import io.queryadvisor.capture.CaptureContext;
import io.queryadvisor.capture.CaptureLog;

/**
 * The protocol every execute method of a {@link CapturingStatement} follows, and the execution it
 * holds back: {@link #begin()} before the driver runs, then {@link #finished} or {@link #failed},
 * and {@link #end()} in a {@code finally}, so that whatever the driver throws (even a checked
 * exception it does not declare) capture is on again for the thread's next statement.
 *
 * <p>A query's event is held back until its result set is closed (or the statement re-executes
 * or closes), so that it carries the rows and columns the application actually read. Nothing here
 * parses, formats or locks: an event is one allocation, handed off without waiting.
 */
abstract class StatementRecorder implements Statement {

    /** Marks a query whose row count is known only once its result set closes. */
    static final long ROWS_PENDING = Long.MIN_VALUE;

    final CapturingConnection connection;

    private CaptureContext context;
    private boolean recording;
    private int batched;

    // The execution whose event is not emitted yet.
    private boolean pending;
    private String sql;
    private StatementKind kind;
    private long start;
    private long duration;
    private int batchSize;
    private int bindCount;
    private long bindHash;
    private Object[] bindValues;
    private long transactionId;
    private String error;
    private CallSite callSite;
    private RequestInfo request;
    private CapturingResultSet openResult;

    StatementRecorder(CapturingConnection connection) {
        this.connection = connection;
    }

    /**
     * Before the driver runs: emits what the previous execution left pending, and decides whether
     * this one is recorded (not when it is nested inside another capturing statement on this thread).
     */
    final long begin() {
        flushPending();
        CaptureContext ctx = connection.context();
        if (ctx.executing) {
            recording = false;
            return 0;
        }
        ctx.executing = true;
        context = ctx;
        recording = true;
        return System.nanoTime();
    }

    /** After the driver returned or threw, whatever it threw: undoes what {@link #begin()} set. */
    final void end() {
        if (recording) {
            recording = false;
            context.executing = false;
        }
    }

    /** The driver returned; {@code rowCount} is the update count, or {@link #ROWS_PENDING} for a query. */
    final void finished(String text, StatementKind executed, long startNanos, long rowCount, int statements) {
        if (recording) {
            record(text, executed, startNanos, rowCount, statements, null);
        }
    }

    /** The driver threw; the exception goes on to the application unchanged. */
    final void failed(String text, StatementKind executed, long startNanos, Throwable thrown) {
        if (recording) {
            record(text, executed, startNanos, -1, Math.max(1, batched), thrown.getClass().getName());
        }
    }

    private void record(String text, StatementKind executed, long startNanos, long rowCount, int statements,
                        String errorClass) {
        long took = System.nanoTime() - startNanos;
        recording = false; // recorded once, even if the failure path is reached after the success path
        try {
            if (FaultInjection.ARMED) { // a constant: folded away outside fault-injection tests
                FaultInjection.at(FaultyStep.RECORD);
            }
            sql = text;
            kind = executed;
            start = startNanos;
            duration = took;
            batchSize = statements;
            bindCount = bindCount();
            bindHash = bindHash();
            bindValues = bindSample(); // before the execution is counted: the count decides the next sample
            error = errorClass;
            request = context.request;
            callSite = callSite(text, took);
            transactionId = transactionIdOrZero();
            pending = true;
            if (rowCount != ROWS_PENDING || errorClass != null) {
                emit(rowCount == ROWS_PENDING ? -1 : rowCount, 0, List.of());
            }
        } catch (RuntimeException | LinkageError e) {
            // Never into the application: this execution goes uncaptured, the next ones are tried again.
            pending = false;
            connection.capture.failed("record", "could not record a statement execution; it is not captured", e);
        } finally {
            context.executing = false;
        }
    }
    private long transactionIdOrZero() {
        try {
            return connection.transactionId();
        } catch (SQLException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * A result set of this statement, wrapped: its {@code getStatement()} is this wrapper, as JDBC
     * says. The first one handed out while the recorded execution is pending counts the rows and
     * columns that execution's event reports.
     */
    final ResultSet result(ResultSet rs) {
        return wrap(rs, pending && openResult == null);
    }

    /** A result set of this statement that is no execution's result (generated keys), wrapped only to belong to it. */
    final ResultSet attached(ResultSet rs) {
        return wrap(rs, false);
    }

    private ResultSet wrap(ResultSet rs, boolean counted) {
        if (rs == null) {
            return null;
        }
        try {
            CapturingResultSet wrapped = JdbcWrappers.resultSet(rs, this);
            if (counted) {
                openResult = wrapped;
            }
            return wrapped;
        } catch (RuntimeException | LinkageError e) {
            CaptureLog.warnOnce("result-set", "could not wrap a result set; rows and columns are not counted", e);
            return rs;
        }
    }

    /** The wrapper handed out for the driver's result set {@code rs}, if it is still open. */
    final CapturingResultSet openResultOf(ResultSet rs) {
        CapturingResultSet open = openResult;
        return open != null && rs != null && open.delegate == rs ? open : null;
    }

    /** Called by the result set once, on close: the pending query is complete. */
    final void resultClosed(CapturingResultSet rs, long rowsRead, long columnsByIndex, List<String> columnsByName) {
        if (rs == openResult) {
            openResult = null;
            if (pending) {
                emit(rowsRead, columnsByIndex, columnsByName);
            }
        }
    }

    private void emit(long rowCount, long columnsByIndex, List<String> columnsByName) {
        pending = false;
        if (openResult != null) {
            // Re-executed or closed while its result set is still open: take what was read so far.
            CapturingResultSet open = openResult;
            openResult = null;
            rowCount = open.rowsRead();
            columnsByIndex = open.columnsByIndex();
            columnsByName = open.columnsByName();
        }
        Thread thread = Thread.currentThread();
        connection.capture.emit(new StatementExecuted(sql, kind, batchSize, bindCount, bindHash, start, duration,
                rowCount == ROWS_PENDING ? -1 : rowCount, error, connection.id(), transactionId,
                thread.getId(), thread.getName(), callSite, columnsByIndex, columnsByName, request,
                connection.source, bindValues));
        bindValues = null;
        connection.executed(duration);
    }

    /** The call site of the execution just made, or {@code null} when not sampled; counts the execution. */
    CallSite callSite(String text, long durationNanos) {
        return connection.capture.callSite(text, durationNanos);
    }

    /** Highest parameter index set; 0 for a plain statement. */
    int bindCount() {
        return 0;
    }

    /** A hash of the bound values; 0 for a plain statement. */
    long bindHash() {
        return 0;
    }

    /** A copy of the bound values if this execution is sampled (index 0 = parameter 1), else {@code null}. */
    Object[] bindSample() {
        return null;
    }

    final int takeBatch() {
        int n = batched;
        batched = 0;
        return n;
    }

    final void batchAdded() {
        batched++;
    }

    /** Emits the held-back execution, if any, with what its result set has read so far. */
    final void flushPending() {
        if (pending) {
            try {
                emit(ROWS_PENDING, 0, List.of());
            } catch (RuntimeException | LinkageError e) {
                pending = false;
                connection.capture.failed("record", "could not record a statement execution; it is not captured", e);
            }
        }
    }
}
