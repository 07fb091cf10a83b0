package io.queryadvisor.capture;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

import io.queryadvisor.advisor.probe.DatabaseConnector;

/**
 * Opens a new connection exactly as the application's driver was seen opening one: the same
 * {@link Driver} object, URL and properties (credentials included). Never a pooled connection.
 *
 * <p>The driver is referenced weakly, so that a connector kept by the advisor never keeps an
 * undeployed application's driver (and its class loader) alive; the properties are a copy taken
 * when the driver connected, so later changes by the application do not reach it.
 */
final class DriverConnector implements DatabaseConnector {

    private final WeakReference<Driver> driver;
    private final String driverClass;
    private final String url;
    private final Properties properties;

    DriverConnector(Driver driver, String url, Properties properties) {
        this.driver = new WeakReference<>(driver);
        this.driverClass = driver.getClass().getName();
        this.url = url;
        this.properties = copyOf(properties);
    }

    @Override
    public Connection open() throws SQLException {
        Driver connecting = driver.get();
        if (connecting == null) {
            throw new SQLException(driverClass + " is no longer loaded; cannot connect to "
                    + JdbcUrls.withoutSecrets(url));
        }
        // the driver gets a copy of its own: drivers may add to the properties they are given
        return OwnConnections.open(() -> connecting.connect(url, copyOf(properties)));
    }

    /** Whether {@code other} connects the same way. */
    boolean sameAs(Driver other, Properties otherProperties) {
        return driver.refersTo(other) && properties.equals(copyOf(otherProperties));
    }

    /** Never a secret: the URL masked, the user, no password. */
    @Override
    public String toString() {
        String user = properties.getProperty("user");
        return driverClass + " to " + JdbcUrls.withoutSecrets(url) + (user == null ? "" : " as " + user);
    }

    /** Drivers read their properties with getProperty, which sees String values only: those are copied. */
    private static Properties copyOf(Properties source) {
        Properties copy = new Properties();
        if (source != null) {
            for (String name : source.stringPropertyNames()) {
                copy.setProperty(name, source.getProperty(name));
            }
        }
        return copy;
    }
}
