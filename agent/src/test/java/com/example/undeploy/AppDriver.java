package com.example.undeploy;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import io.queryadvisor.agent.instrument.ConnectionWrapping;
import io.queryadvisor.capture.CaptureContext;

/**
 * An undeployable application's own JDBC driver (H2 underneath), its {@code connect} calling
 * {@link ConnectionWrapping} as the agent's inlined advice does.
 */
public final class AppDriver implements Driver {

    private final Driver h2 = new org.h2.Driver();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        CaptureContext context = ConnectionWrapping.enter();
        Connection connection = h2.connect(url, info);
        return ConnectionWrapping.connected(this, url, info, connection, context);
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return h2.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return h2.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
