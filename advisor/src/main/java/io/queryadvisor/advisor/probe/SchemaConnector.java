package io.queryadvisor.advisor.probe;

import java.sql.Connection;
import java.sql.SQLException;

/** {@link DatabaseConnector#inSchema}: another connector's connections, each moved into one schema. */
record SchemaConnector(DatabaseConnector connector, String schema) implements DatabaseConnector {

    @Override
    public Connection open() throws SQLException {
        Connection opened = connector.open();
        try {
            // on PostgreSQL, SET search_path to this schema alone: the catalog look-ups
            // (to_regclass, pg_stats by the resolved schema) follow it as the application's queries do
            opened.setSchema(schema);
            return opened;
        } catch (SQLException | RuntimeException e) {
            try {
                opened.close();
            } catch (SQLException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The other connector's (it never shows a secret), and the schema. */
    @Override
    public String toString() {
        return connector + " in schema " + schema;
    }
}
