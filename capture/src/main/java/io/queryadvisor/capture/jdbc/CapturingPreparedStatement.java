package io.queryadvisor.capture.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;

import io.queryadvisor.advisor.capture.StatementKind;

/**
 * A prepared statement that records its executions and a hash of the values bound for each, so
 * the advisor can tell a loop over different keys (N+1) from a repeat of the same query.
 *
 * <p>Values are hashed, never kept: one {@code long} per parameter, in an array reused for the
 * statement's life. JDBC keeps parameters across executions until they are set again or
 * cleared, and so does the array. The generated subclass calls the {@code bind*} methods from
 * every {@code setXxx(int, ...)} before delegating.
 */
public abstract class CapturingPreparedStatement extends CapturingStatement implements PreparedStatement {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    protected final PreparedStatement prepared;
    final String sql;
    private long[] binds;
    private int maxIndex;

    protected CapturingPreparedStatement(PreparedStatement prepared, String sql, CapturingConnection connection) {
        super(prepared, connection);
        this.prepared = prepared;
        this.sql = sql;
    }

    // ---- bind hooks, called by the generated setters -------------------------------------------

    protected final void bindLong(int index, long value) {
        bound(index, value * GOLDEN);
    }

    protected final void bindDouble(int index, double value) {
        bound(index, Double.doubleToLongBits(value) * GOLDEN + 1);
    }

    protected final void bindBoolean(int index, boolean value) {
        bound(index, value ? 3 : 5);
    }

    /** Strings and numbers hash by value (String caches its hash); streams and arrays by identity. */
    protected final void bindObject(int index, Object value) {
        bound(index, ((long) Objects.hashCode(value) + 7) * GOLDEN);
    }

    protected final void bindNull(int index) {
        bound(index, 11);
    }

    private void bound(int index, long hash) {
        if (index < 1 || index > 4_096) {
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
        } catch (SQLException | RuntimeException | Error e) {
            failed(sql, StatementKind.QUERY, t, e);
            throw e;
        }
    }

    @Override
    public int executeUpdate() throws SQLException {
        long t = begin();
        try {
            int n = prepared.executeUpdate();
            finished(sql, StatementKind.UPDATE, t, n, 1);
            return n;
        } catch (SQLException | RuntimeException | Error e) {
            failed(sql, StatementKind.UPDATE, t, e);
            throw e;
        }
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        long t = begin();
        try {
            long n = prepared.executeLargeUpdate();
            finished(sql, StatementKind.UPDATE, t, n, 1);
            return n;
        } catch (SQLException | RuntimeException | Error e) {
            failed(sql, StatementKind.UPDATE, t, e);
            throw e;
        }
    }

    @Override
    public boolean execute() throws SQLException {
        long t = begin();
        try {
            boolean hasResult = prepared.execute();
            finished(sql, StatementKind.EXECUTE, t, hasResult ? ROWS_PENDING : -1, 1);
            return hasResult;
        } catch (SQLException | RuntimeException | Error e) {
            failed(sql, StatementKind.EXECUTE, t, e);
            throw e;
        }
    }
}
