package io.queryadvisor.advisor.rules.unboundedresult;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.queryadvisor.advisor.capture.FetchSizeSet;

/**
 * The fetch sizes the application set on the statements of each open connection, so that an
 * execution can tell whether the driver was asked to stream its result.
 *
 * <p>A fetch size set on a prepared statement counts for executions of its SQL on that connection;
 * one set on a plain statement (no SQL) for any execution on it after. A statement prepared again
 * with the same SQL inherits it: close enough, the same code usually sets it each time. Bounded: at
 * most {@code maxConnections} connections (the least recently used forgotten) and
 * {@value #MAX_STATEMENTS} statements each; a connection's are forgotten when it is released.
 */
final class FetchSizes {

    static final int MAX_STATEMENTS = 16;

    private final int maxConnections;
    private final LinkedHashMap<Long, Connection> byConnection = new LinkedHashMap<>(64, 0.75f, true);

    FetchSizes(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    void set(FetchSizeSet event) {
        Connection connection = byConnection.get(event.connectionId());
        if (connection == null) {
            if (event.fetchSize() <= 0) {
                return; // the driver's default: as if none was set
            }
            if (byConnection.size() >= maxConnections) {
                var eldest = byConnection.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            connection = new Connection();
            byConnection.put(event.connectionId(), connection);
        }
        if (event.sql() == null) {
            connection.plain = event.fetchSize();
        } else if (connection.bySql.size() < MAX_STATEMENTS || connection.bySql.containsKey(event.sql())) {
            connection.bySql.put(event.sql(), event.fetchSize());
        }
    }

    /** The fetch size that applies to {@code sql} on {@code connectionId}, 0 when none was set. */
    int of(long connectionId, String sql) {
        Connection connection = byConnection.get(connectionId);
        if (connection == null) {
            return 0;
        }
        Integer size = sql == null ? null : connection.bySql.get(sql);
        return size != null ? size : connection.plain;
    }

    void released(long connectionId) {
        byConnection.remove(connectionId);
    }

    int connections() {
        return byConnection.size();
    }

    private static final class Connection {
        final Map<String, Integer> bySql = new HashMap<>();
        int plain;
    }
}
