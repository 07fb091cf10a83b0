package io.queryadvisor.agent.instrument;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.agent.AgentLog;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureContext;
import io.queryadvisor.capture.JdbcUrls;
import io.queryadvisor.capture.jdbc.CapturingConnection;
import io.queryadvisor.capture.jdbc.JdbcWrappers;

/**
 * Decides, each time a DataSource or Driver hands out a connection, whether to wrap it, so that
 * every statement is captured exactly once:
 * <ul>
 *   <li>only the outermost {@code getConnection}/{@code connect} on a thread wraps: a DataSource
 *       that delegates to another (Spring's proxies, an application's own, HikariCP's internal
 *       DriverDataSource) is seen once, at the top;</li>
 *   <li>a physical connection that a pool opens for itself is not wrapped: the pool's logical
 *       connections are (see {@link PoolCallers});</li>
 *   <li>a connection that is already ours is not wrapped again.</li>
 * </ul>
 * The advice inlined into application classes calls the two static methods here; they never throw.
 */
public final class ConnectionWrapping {

    private static volatile Capture capture;
    private static final Map<Object, Boolean> IDENTIFIED = Collections.synchronizedMap(new IdentityHashMap<>());
    private static volatile Object lastIdentified;

    private ConnectionWrapping() {
    }

    /** Switches wrapping on (or off, with {@code null}). */
    public static void install(Capture active) {
        capture = active;
    }

    /** The capture in force, or {@code null} when capture is off. */
    public static Capture capture() {
        return capture;
    }

    public static void enter() {
        try {
            CaptureContext.current().connectDepth++;
        } catch (Throwable t) {
            AgentLog.warnOnce("enter", "connection tracking failed; connections pass through unchanged", t);
        }
    }

    /** Returns the connection the application gets: {@code connection} itself or its capturing wrapper. */
    public static Connection exit(Object source, Connection connection) {
        try {
            CaptureContext ctx = CaptureContext.current();
            int depth = --ctx.connectDepth;
            if (depth < 0) {
                ctx.connectDepth = 0; // advice installed mid-call by a late attach
            }
            if (depth > 0) {
                if (source instanceof Driver) {
                    ctx.physicalConnectionMade = true;
                }
                return connection;
            }
            boolean physical = ctx.physicalConnectionMade || source instanceof Driver;
            ctx.physicalConnectionMade = false;
            Capture active = capture;
            if (active == null || connection == null || connection instanceof CapturingConnection) {
                return connection;
            }
            if (physical && PoolCallers.openedByPool()) {
                return connection;
            }
            Connection wrapped = JdbcWrappers.connection(connection, active);
            identifyOnce(source, connection, active);
            return wrapped;
        } catch (Throwable t) {
            AgentLog.warnOnce("wrap", "could not wrap a connection from " + source.getClass().getName()
                    + "; it is used unwrapped", t);
            return connection;
        }
    }

    /** Tells the advisor, once per data source, what database it talks to. */
    private static void identifyOnce(Object source, Connection connection, Capture active) {
        if (source == lastIdentified || IDENTIFIED.putIfAbsent(source, Boolean.TRUE) != null) {
            return;
        }
        lastIdentified = source;
        try {
            DatabaseMetaData md = connection.getMetaData();
            active.emit(new DatabaseIdentified(sourceName(source),
                    md.getDatabaseProductName() + " " + md.getDatabaseProductVersion(),
                    md.getDriverName() + " " + md.getDriverVersion(),
                    JdbcUrls.withoutSecrets(md.getURL()), System.nanoTime()));
        } catch (Throwable t) {
            AgentLog.warnOnce("metadata", "could not read the database's name from " + source.getClass().getName(), t);
        }
    }

    /** HikariCP's pool name when there is one, else the data source or driver class. */
    static String sourceName(Object source) {
        try {
            Object name = source.getClass().getMethod("getPoolName").invoke(source);
            if (name != null) {
                return name.toString();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a pool with a name
        }
        return source.getClass().getName();
    }
}
