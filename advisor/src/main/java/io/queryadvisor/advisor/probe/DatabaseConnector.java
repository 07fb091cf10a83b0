package io.queryadvisor.advisor.probe;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a connection of the probe's own to a database the application uses, with the URL and
 * credentials the application itself used: never one of the application's connections, never one
 * from its pool. The capture layer makes one per data source; it lives in memory only, and its
 * {@code toString} never shows a secret.
 */
@FunctionalInterface
public interface DatabaseConnector {

    Connection open() throws SQLException;

    /**
     * This connector, with each connection it opens moved into {@code schema} (JDBC's
     * {@link Connection#setSchema}), as a pool configured with a schema does to each of its
     * connections after the driver made it: the statements the probe explains name their tables
     * as the application wrote them, unqualified, and must find them where the application does.
     * {@code null} or blank: this connector itself.
     */
    default DatabaseConnector inSchema(String schema) {
        return schema == null || schema.isBlank() ? this : new SchemaConnector(this, schema);
    }
}
