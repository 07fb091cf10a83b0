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
}
