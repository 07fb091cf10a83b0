package io.queryadvisor.capture;

import java.util.concurrent.atomic.AtomicBoolean;

import io.queryadvisor.advisor.probe.DatabaseConnector;

/**
 * Where logical connections come from: one per data source or driver object the application gets
 * connections from. Everything here is worked out once, when the source is first seen, so that a
 * checkout only reads fields.
 *
 * <p>It never refers to the data source itself, so it never keeps one (nor its class loader) alive.
 */
public final class ConnectionSource {

    private final String name;
    private final DatabaseConnector connector;
    private final String schema;
    private final AtomicBoolean identified = new AtomicBoolean();

    /** A source that moves its connections into no schema of its own. */
    public ConnectionSource(String name, DatabaseConnector connector) {
        this(name, connector, null);
    }

    /**
     * @param name      the pool's name, or the data source's or driver's class
     * @param connector how the database probe may open a connection of its own to what this source
     *                  connects to, or {@code null} when that is learnt from the driver's connects
     * @param schema    the schema the pool moves each of its connections into, after the driver
     *                  made it, or {@code null}: the probe's connections must be moved there too
     */
    public ConnectionSource(String name, DatabaseConnector connector, String schema) {
        this.name = name;
        this.connector = connector;
        this.schema = schema;
    }

    public String name() {
        return name;
    }

    DatabaseConnector connector() {
        return connector;
    }

    String schema() {
        return schema;
    }

    /** True exactly once: for the checkout that is to tell the advisor what database this is. */
    boolean claimIdentification() {
        return !identified.get() && identified.compareAndSet(false, true);
    }
}
