package io.queryadvisor.capture;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import io.queryadvisor.advisor.probe.DatabaseConnector;

/**
 * Opens a new connection through {@link DriverManager} with a pool's own URL and credentials, for
 * a data source the application wrapped itself ({@link QueryAdvisor#capture}), where no driver
 * connect is seen. Never a connection of the pool.
 */
final class UrlConnector implements DatabaseConnector {

    private final String url;
    private final Properties properties;

    private UrlConnector(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    /**
     * How a HikariCP data source connects (its JDBC URL, user, password and driver properties, read
     * once; its schema is the {@link ConnectionSource}'s), or {@code null} for any
     * other data source, or a HikariCP one configured with a {@code DataSource} class instead of a URL.
     */
    static DatabaseConnector ofHikari(Object dataSource) {
        if (!HikariSettings.isHikari(dataSource)) {
            return null;
        }
        try {
            String url = (String) HikariSettings.get(dataSource, "getJdbcUrl");
            if (url == null) {
                return null;
            }
            Properties properties = new Properties();
            if (HikariSettings.get(dataSource, "getDataSourceProperties") instanceof Properties driverProperties) {
                for (String name : driverProperties.stringPropertyNames()) {
                    properties.setProperty(name, driverProperties.getProperty(name));
                }
            }
            putIfSet(properties, "user", HikariSettings.get(dataSource, "getUsername"));
            putIfSet(properties, "password", HikariSettings.get(dataSource, "getPassword"));
            return new UrlConnector(url, properties);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            CaptureLog.warnOnce("hikari-connector", "could not read how " + dataSource.getClass().getName()
                    + " connects; the database probe cannot connect to it", e);
            return null;
        }
    }

    @Override
    public Connection open() throws SQLException {
        Properties copy = new Properties();
        copy.putAll(properties);
        return OwnConnections.open(() -> DriverManager.getConnection(url, copy));
    }

    /** Never a secret: the URL masked, the user, no password. */
    @Override
    public String toString() {
        String user = properties.getProperty("user");
        return "DriverManager to " + JdbcUrls.withoutSecrets(url) + (user == null ? "" : " as " + user);
    }

    private static void putIfSet(Properties properties, String name, Object value) {
        if (value != null) {
            properties.setProperty(name, value.toString());
        }
    }
}
