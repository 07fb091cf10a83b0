package io.queryadvisor.advisor.capture;

/**
 * The first connection of a data source or driver told us what it talks to. Sent once per source.
 *
 * @param source   the pool name or the data source / driver class
 * @param product  database product name and version
 * @param driver   driver name and version
 * @param url      the JDBC URL, with any password parameter removed
 */
public record DatabaseIdentified(String source, String product, String driver, String url, long startNanos)
        implements CaptureEvent {
}
