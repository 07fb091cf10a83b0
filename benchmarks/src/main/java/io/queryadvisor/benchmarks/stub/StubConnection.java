package io.queryadvisor.benchmarks.stub;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.concurrent.Executor;

/**
 * A physical connection of the stub driver. It keeps the state a pool reads and resets
 * (auto-commit, isolation, read-only, catalog, schema, network timeout) and prepares statements;
 * everything else is refused by {@link UnsupportedConnection}.
 */
final class StubConnection extends UnsupportedConnection {

    private StubPreparedStatement spare;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = TRANSACTION_READ_COMMITTED;
    private String catalog;
    private String schema;
    private int networkTimeout;
    private boolean closed;

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        // The closed statement of the previous cycle is handed out again: the stub allocates nothing per cycle.
        if (spare == null || !spare.isClosed()) {
            spare = new StubPreparedStatement(this);
        }
        spare.reopen();
        return spare;
    }

    @Override
    public DatabaseMetaData getMetaData() {
        return StubMetaData.INSTANCE;
    }

    @Override
    public boolean isValid(int timeoutSeconds) {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean getAutoCommit() {
        return autoCommit;
    }

    @Override
    public void setAutoCommit(boolean on) {
        autoCommit = on;
    }

    @Override
    public void commit() {
        // nothing to commit
    }

    @Override
    public void rollback() {
        // nothing to roll back
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public void setReadOnly(boolean on) {
        readOnly = on;
    }

    @Override
    public int getTransactionIsolation() {
        return isolation;
    }

    @Override
    public void setTransactionIsolation(int level) {
        isolation = level;
    }

    @Override
    public String getCatalog() {
        return catalog;
    }

    @Override
    public void setCatalog(String name) {
        catalog = name;
    }

    @Override
    public String getSchema() {
        return schema;
    }

    @Override
    public void setSchema(String name) {
        schema = name;
    }

    @Override
    public int getNetworkTimeout() {
        return networkTimeout;
    }

    @Override
    public void setNetworkTimeout(Executor executor, int millis) {
        networkTimeout = millis;
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
        // no warnings are ever raised
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("connection is closed");
        }
    }
}
