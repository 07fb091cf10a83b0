package io.queryadvisor.capture.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureContext;
import io.queryadvisor.capture.ConnectionSource;

/**
 * The application's data source with capture in front of it, for running without the agent
 * ({@link io.queryadvisor.capture.QueryAdvisor#capture}): each {@code getConnection} is timed and
 * its connection handed out through {@link Checkouts}, like the agent's instrumentation does.
 */
public final class CapturingDataSource implements DataSource {

    private final DataSource delegate;
    private final Capture capture;
    private final ConnectionSource source;

    /** @param source what {@code delegate} is called, worked out once, by the caller */
    public CapturingDataSource(DataSource delegate, Capture capture, ConnectionSource source) {
        this.delegate = delegate;
        this.capture = capture;
        this.source = source;
    }

    @Override
    public Connection getConnection() throws SQLException {
        long asked = System.nanoTime();
        Connection connection;
        try {
            connection = delegate.getConnection();
        } catch (SQLException | RuntimeException e) {
            if (capture.active()) {
                Checkouts.failed(capture, source, asked, e, CaptureContext.current());
            }
            throw e;
        }
        return capture.active() ? Checkouts.checkedOut(capture, source, connection, asked) : connection;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        long asked = System.nanoTime();
        Connection connection;
        try {
            connection = delegate.getConnection(user, password);
        } catch (SQLException | RuntimeException e) {
            if (capture.active()) {
                Checkouts.failed(capture, source, asked, e, CaptureContext.current());
            }
            throw e;
        }
        return capture.active() ? Checkouts.checkedOut(capture, source, connection, asked) : connection;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface);
    }

    @Override
    public String toString() {
        return "QueryAdvisor[" + delegate + "]";
    }
}
