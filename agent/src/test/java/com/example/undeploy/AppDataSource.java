package com.example.undeploy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.queryadvisor.agent.instrument.ConnectionWrapping;
import io.queryadvisor.capture.CaptureContext;

/**
 * An undeployable application's own data source over {@link AppDriver}; when {@code advised}, its
 * {@code getConnection} calls {@link ConnectionWrapping} as the agent's inlined advice does.
 */
public final class AppDataSource implements DataSource {

    private final AppDriver driver = new AppDriver();
    private final String url;
    private final boolean advised;

    public AppDataSource(String url, boolean advised) {
        this.url = url;
        this.advised = advised;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!advised) {
            return driver.connect(url, new Properties());
        }
        CaptureContext context = ConnectionWrapping.enter();
        Connection connection = driver.connect(url, new Properties());
        return ConnectionWrapping.exit(this, connection, context);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
