package io.queryadvisor.capture.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.capture.ExecutionCount;

/**
 * A prepared statement that records its executions and a hash of the values bound for each, so
 * the advisor can tell a loop over different keys (N+1) from a repeat of the same query.
 *
 * <p>Values are hashed, never kept: one {@code long} per parameter, in an array reused for the
 * statement's life. JDBC keeps parameters across executions until they are set again or
 * cleared, and so does the array. The generated subclass calls the {@code bind*} methods from
 * every {@code setXxx(int, ...)} before delegating; they never run the application's code
 * ({@link BindValues}).
 *
 * <p>A few executions of each SQL text are bind samples: their values, when of a known immutable
 * type, are copied into the event, so that the advisor can explain a plan with real values. Which
 * executions is decided before their values are bound, from the text's execution count (which the
 * statement looks up once, when prepared), so that the others pay one field test per bind.
 */
public abstract class CapturingPreparedStatement extends CapturingStatement implements PreparedStatement {

    private static final int MAX_INDEX = 4_096;

    protected final PreparedStatement prepared;
    final String sql;
    private final ExecutionCount executions;
    private long[] binds;
    private int maxIndex;
    // Whether the next execution is a bind sample; if so, the values bound for it by index, else null.
    private boolean sampling;
    private Object[] sampled;

    protected CapturingPreparedStatement(PreparedStatement prepared, String sql, CapturingConnection connection) {
        super(prepared, connection);
        this.prepared = prepared;
        this.sql = sql;
        this.executions = connection.capture.executionCount(sql, connection.context());
        this.sampling = connection.capture.bindSampleDue(executions);
    }

    // ---- bind hooks, called by the generated setters -------------------------------------------

    protected final void bindInt(int index, int value) {
        bound(index, BindValues.hashLong(value));
        if (sampling) {
            sample(index, value);
        }
    }

    protected final void bindLong(int index, long value) {
        bound(index, BindValues.hashLong(value));
        if (sampling) {
            sample(index, value);
        }
    }

    protected final void bindDouble(int index, double value) {
        bound(index, BindValues.hashDouble(value));
        if (sampling) {
            sample(index, value);
        }
    }

    protected final void bindBoolean(int index, boolean value) {
        bound(index, BindValues.hashBoolean(value));
        if (sampling) {
            sample(index, value);
        }
    }

    protected final void bindObject(int index, Object value) {
        bound(index, BindValues.hash(value));
        if (sampling) {
            sample(index, BindValues.immutableCopy(value));
        }
    }

    protected final void bindNull(int index) {
        bound(index, BindValues.hashNull());
        if (sampling) {
            sample(index, null);
        }
    }

    private void bound(int index, long hash) {
        if (index < 1 || index > MAX_INDEX) {
            return; // the driver will reject it; nothing to remember
        }
        if (binds == null) {
            binds = new long[Math.max(index + 1, 8)];
        } else if (index >= binds.length) {
            binds = Arrays.copyOf(binds, Math.max(index + 1, binds.length * 2));
        }
        binds[index] = hash;
        if (index > maxIndex) {
            maxIndex = index;
        }
    }

    private void sample(int index, Object value) {
        if (index < 1 || index > MAX_INDEX) {
            return;
        }
        if (sampled == null) {
            sampled = new Object[Math.max(index + 1, 8)];
        } else if (index >= sampled.length) {
            sampled = Arrays.copyOf(sampled, Math.max(index + 1, sampled.length * 2));
        }
        sampled[index] = value;
    }

    @Override
    int bindCount() {
        return maxIndex;
    }

    @Override
    long bindHash() {
        long h = 0;
        for (int i = 1; i <= maxIndex; i++) {
            h = h * 31 + binds[i];
        }
        return h;
    }

    /** Values bound before this statement's executions became samples are unknown, as are unknown types: null. */
    @Override
    Object[] bindSample() {
        if (!sampling || maxIndex == 0) {
            return null;
        }
        Object[] values = new Object[maxIndex];
        if (sampled != null) {
            System.arraycopy(sampled, 1, values, 0, Math.min(maxIndex, sampled.length - 1));
        }
        return values;
    }

    @Override
    CallSite callSite(String text, long durationNanos) {
        CallSite site = connection.capture.callSite(executions, durationNanos);
        // The execution is counted: is the next one a sample? Bound values persist, so a sample
        // that follows one keeps what was bound for it.
        sampling = connection.capture.bindSampleDue(executions);
        if (!sampling) {
            sampled = null;
        }
        return site;
    }

    @Override
    String preparedSql() {
        return sql;
    }

    @Override
    String batchText() {
        return sql;
    }

    // ---- PreparedStatement ---------------------------------------------------------------------

    @Override
    public void clearParameters() throws SQLException {
        prepared.clearParameters();
        maxIndex = 0;
        if (binds != null) {
            Arrays.fill(binds, 0);
        }
        if (sampled != null) {
            Arrays.fill(sampled, null);
        }
    }

    @Override
    public void addBatch() throws SQLException {
        prepared.addBatch();
        batchAdded();
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        long t = begin();
        try {
            ResultSet rs = prepared.executeQuery();
            finished(sql, StatementKind.QUERY, t, ROWS_PENDING, 1);
            return result(rs);
        } catch (Throwable e) { // whatever the driver throws, declared or not
            failed(sql, StatementKind.QUERY, t, e);
            throw e;
        } finally {
            end();
        }
    }

    @Override
    public int executeUpdate() throws SQLException {
        long t = begin();
        try {
            int n = prepared.executeUpdate();
            finished(sql, StatementKind.UPDATE, t, n, 1);
            return n;
        } catch (Throwable e) { // whatever the driver throws, declared or not
            failed(sql, StatementKind.UPDATE, t, e);
            throw e;
        } finally {
            end();
        }
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        long t = begin();
        try {
            long n = prepared.executeLargeUpdate();
            finished(sql, StatementKind.UPDATE, t, n, 1);
            return n;
        } catch (Throwable e) { // whatever the driver throws, declared or not
            failed(sql, StatementKind.UPDATE, t, e);
            throw e;
        } finally {
            end();
        }
    }

    @Override
    public boolean execute() throws SQLException {
        long t = begin();
        try {
            boolean hasResult = prepared.execute();
            finished(sql, StatementKind.EXECUTE, t, hasResult ? ROWS_PENDING : -1, 1);
            return hasResult;
        } catch (Throwable e) { // whatever the driver throws, declared or not
            failed(sql, StatementKind.EXECUTE, t, e);
            throw e;
        } finally {
            end();
        }
    }
}
