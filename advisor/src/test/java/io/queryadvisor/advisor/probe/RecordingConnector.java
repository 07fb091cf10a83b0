package io.queryadvisor.advisor.probe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connector that records the connections the probe opened through it, by their server-side id
 * (PostgreSQL's backend pid, MariaDB's connection id), so that a test can find, inspect or
 * terminate the probe's own connection.
 */
final class RecordingConnector implements DatabaseConnector {

    /** How to open a connection; the test database's {@code connect}. */
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final String idQuery;
    final List<Long> serverIds = new CopyOnWriteArrayList<>();
    final List<Connection> opened = new CopyOnWriteArrayList<>();

    private RecordingConnector(Opener opener, String idQuery) {
        this.opener = opener;
        this.idQuery = idQuery;
    }

    static RecordingConnector postgres(Opener opener) {
        return new RecordingConnector(opener, "SELECT pg_backend_pid()");
    }

    static RecordingConnector mariaDb(Opener opener) {
        return new RecordingConnector(opener, "SELECT CONNECTION_ID()");
    }

    @Override
    public Connection open() throws SQLException {
        Connection c = opener.open();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(idQuery)) {
            rs.next();
            serverIds.add(rs.getLong(1));
        }
        opened.add(c);
        return c;
    }

    /** The server-side id of the connection opened last. */
    long lastId() {
        return serverIds.get(serverIds.size() - 1);
    }

    /** The connection opened last: the probe's, for a test to inspect while the probe is idle. */
    Connection last() {
        return opened.get(opened.size() - 1);
    }
}
