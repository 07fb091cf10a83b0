package io.queryadvisor.capture;

import java.sql.Driver;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import io.queryadvisor.advisor.probe.DatabaseConnector;

/**
 * How the application's drivers connected, by URL: what a {@link DatabaseConnector} needs to open a
 * connection of the probe's own to the same database. Filled by the agent, which sees every
 * {@code Driver.connect(url, properties)}: the physical connects a pool makes, and DriverManager's.
 *
 * <p>Bounded to {@value #MAX_URLS} URLs (the first ones seen are kept): an application talks to a
 * few databases, and a flood of distinct URLs must not grow memory. Physical connects take
 * milliseconds and happen a few times per pool, so the small work here is never on a statement's
 * path; a URL already known with the same driver and properties costs one map look-up.
 */
public final class DriverConnections {

    static final int MAX_URLS = 64;

    private static final ConcurrentHashMap<String, DriverConnector> BY_URL = new ConcurrentHashMap<>();

    private DriverConnections() {
    }

    /** {@code driver} opened a connection to {@code url} with {@code properties}. */
    public static void connected(Driver driver, String url, Properties properties) {
        if (driver == null || url == null || CaptureContext.current().uncaptured) {
            return;
        }
        DriverConnector known = BY_URL.get(url);
        if (known != null ? known.sameAs(driver, properties) : BY_URL.size() >= MAX_URLS) {
            return;
        }
        BY_URL.put(url, new DriverConnector(driver, url, properties));
    }

    /** A connector to {@code url} as a driver was seen connecting to it, or {@code null} when none was. */
    public static DatabaseConnector forUrl(String url) {
        return url == null ? null : BY_URL.get(url);
    }
}
