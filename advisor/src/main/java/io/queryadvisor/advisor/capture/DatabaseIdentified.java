package io.queryadvisor.advisor.capture;

import io.queryadvisor.advisor.probe.DatabaseConnector;

/**
 * The first connection of a data source or driver told us what it talks to. Sent once per source.
 *
 * @param source     the pool name or the data source / driver class
 * @param product    database product name and version
 * @param driver     driver name and version
 * @param url        the JDBC URL, with any secret removed
 * @param startNanos when it was identified
 * @param connector  opens the database probe's own connection to it, or {@code null} when the
 *                   capture layer could not learn how the application connected
 */
public record DatabaseIdentified(String source, String product, String driver, String url, long startNanos,
                                 DatabaseConnector connector) implements CaptureEvent {

    public DatabaseIdentified(String source, String product, String driver, String url, long startNanos) {
        this(source, product, driver, url, startNanos, null);
    }

    public Dialect dialect() {
        return Dialect.of(product);
    }
}
