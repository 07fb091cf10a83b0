package io.queryadvisor.benchmarks.stub;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * An in-process JDBC driver whose every query returns the same one row of three columns at once.
 * It stands in for the database so that what a benchmark measures is the pool and the capture
 * layer, not I/O. After the first cycle it allocates nothing: each connection keeps one statement
 * and one result set and hands them out again once closed.
 */
public final class StubDriver implements Driver {

    /** The URL prefix this driver answers; anything after it is ignored. */
    public static final String URL = "jdbc:stub:";

    public StubDriver() {
        // HikariCP instantiates the driver from its class name.
    }

    @Override
    public Connection connect(String url, Properties info) {
        return acceptsURL(url) ? new StubConnection() : null;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(URL);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
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
        throw new SQLFeatureNotSupportedException("the stub driver does not log");
    }
}
