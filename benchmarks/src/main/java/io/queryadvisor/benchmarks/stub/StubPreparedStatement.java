package io.queryadvisor.benchmarks.stub;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;

/** A prepared statement of the stub driver: takes one {@code int} parameter, returns one row. */
final class StubPreparedStatement extends UnsupportedPreparedStatement {

    private final StubConnection connection;
    private final StubResultSet result = new StubResultSet(this);
    private int key;
    private boolean closed = true;

    StubPreparedStatement(StubConnection connection) {
        this.connection = connection;
    }

    void reopen() {
        closed = false;
        key = 0;
    }

    @Override
    public void setInt(int index, int value) throws SQLException {
        if (index != 1) {
            throw new SQLException("the stub's statements take one parameter, not " + index);
        }
        key = value;
    }

    @Override
    public void clearParameters() {
        key = 0;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (closed) {
            throw new SQLException("statement is closed");
        }
        result.reopen(key);
        return result;
    }

    @Override
    public ResultSet getResultSet() {
        return result.isClosed() ? null : result;
    }

    @Override
    public int getUpdateCount() {
        return -1;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public void close() {
        result.close();
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
        // no warnings are ever raised
    }
}
