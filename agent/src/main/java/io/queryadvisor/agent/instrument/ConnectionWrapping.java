package io.queryadvisor.agent.instrument;

import java.sql.Connection;
import java.sql.Driver;
import java.util.Properties;

import io.queryadvisor.agent.AgentLog;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureContext;
import io.queryadvisor.capture.DriverConnections;
import io.queryadvisor.capture.jdbc.CapturingConnection;
import io.queryadvisor.capture.jdbc.Checkouts;

/**
 * Decides, each time a DataSource or Driver hands out a connection, whether to wrap it, so that
 * every statement is captured exactly once:
 * <ul>
 *   <li>only the outermost {@code getConnection}/{@code connect} on a thread wraps: a DataSource
 *       that delegates to another (Spring's proxies, an application's own, HikariCP's internal
 *       DriverDataSource) is seen once, at the top, and the application's wait is that call's;</li>
 *   <li>that checkout is the pool's when a pool's getConnection ran under the top one (a proxy data
 *       source in front of the pool): named after the pool, and the pool is the one sampled, once;</li>
 *   <li>a connection handle that has no connection yet (Spring's lazy and transaction-aware proxies,
 *       see {@link LazyConnectionHandles}) is not wrapped: its real checkout, on first use, is;</li>
 *   <li>a physical connection that a pool opens for itself is not wrapped: the pool's logical
 *       connections are (see {@link PoolCallers});</li>
 *   <li>a connection that is already ours, or that Query Advisor opens for itself, is not wrapped.</li>
 * </ul>
 * The advice inlined into application classes calls the static methods here; they never throw.
 */
public final class ConnectionWrapping {

    private static volatile Capture capture;

    private ConnectionWrapping() {
    }

    /**
     * Switches wrapping on (or off, with {@code null}), and off again when {@code active} stops
     * (capture switches itself off after repeated failures): the field every checkout reads already
     * says so, with no further check on the application's path.
     */
    public static synchronized void install(Capture active) {
        if (active != null) {
            active.onStop(() -> uninstall(active));
        }
        capture = active;
    }

    /** Switches wrapping off if {@code stopped} is the capture in force; another installed since stays. */
    private static synchronized void uninstall(Capture stopped) {
        if (capture == stopped) {
            capture = null;
        }
    }

    /** The capture in force, or {@code null} when capture is off. */
    public static Capture capture() {
        return capture;
    }

    /** Before a getConnection / connect; returns the thread's context, for {@link #exit}. */
    public static CaptureContext enter() {
        try {
            CaptureContext ctx = CaptureContext.current();
            if (ctx.connectDepth++ == 0) {
                ctx.connectStartNanos = System.nanoTime();
            }
            return ctx;
        } catch (Throwable t) {
            AgentLog.warnOnce("enter", "connection tracking failed; connections pass through unchanged", t);
            return null;
        }
    }

    /**
     * After {@code Driver.connect(url, properties)}: remembers how the driver connected (for the
     * database probe), then decides as {@link #exit}.
     */
    public static Connection connected(Driver driver, String url, Properties properties, Connection connection,
                                       CaptureContext context) {
        try {
            if (connection != null) {
                DriverConnections.connected(driver, url, properties);
            }
        } catch (Throwable t) {
            AgentLog.warnOnce("driver-connect", "could not remember how a driver connected; the database probe"
                    + " may not reach that database", t);
        }
        return exit(driver, connection, context);
    }

    /** As {@link #exit(Object, Connection, CaptureContext)}, finding the thread's context itself. */
    public static Connection exit(Object source, Connection connection) {
        return exit(source, connection, null);
    }

    /**
     * Returns the connection the application gets: {@code connection} itself or its capturing
     * wrapper. {@code context} is what {@link #enter()} returned (one thread-local look-up per
     * checkout instead of two), or {@code null} if it failed.
     */
    public static Connection exit(Object source, Connection connection, CaptureContext context) {
        return exit(source, connection, context, null);
    }

    /**
     * As {@link #exit(Object, Connection, CaptureContext)}; when the outermost {@code getConnection}
     * threw {@code thrown} instead (a pool's acquisition timeout), the advisor is told, on that
     * failure path only.
     */
    public static Connection exit(Object source, Connection connection, CaptureContext context, Throwable thrown) {
        try {
            CaptureContext ctx = context != null ? context : CaptureContext.current();
            int depth = --ctx.connectDepth;
            if (depth < 0) {
                ctx.connectDepth = 0; // advice installed mid-call by a late attach
            }
            if (depth > 0) {
                if (source instanceof Driver) {
                    ctx.physicalConnectionMade = true;
                } else if (PoolCallers.isPoolClass(source.getClass().getName())) {
                    ctx.poolBelow = source; // inner calls return first: the last one set is the outermost pool
                }
                return connection;
            }
            boolean physical = ctx.physicalConnectionMade || source instanceof Driver;
            ctx.physicalConnectionMade = false;
            Object pool = ctx.poolBelow;
            ctx.poolBelow = null;
            Object named = pool == null || PoolCallers.isPoolClass(source.getClass().getName()) ? source : pool;
            Capture active = capture;
            if (thrown != null) {
                if (active != null && !physical && !ctx.uncaptured && depth == 0) {
                    Checkouts.failed(active, active.source(named, ctx), ctx.connectStartNanos, thrown, ctx);
                }
                return connection;
            }
            if (active == null || connection == null || connection instanceof CapturingConnection || ctx.uncaptured) {
                return connection;
            }
            if (physical && PoolCallers.openedByPool()) {
                return connection;
            }
            if (pool == null && !physical && LazyConnectionHandles.isHandle(source, connection)) {
                return connection;
            }
            long asked = depth < 0 ? System.nanoTime() : ctx.connectStartNanos;
            return Checkouts.checkedOut(active, active.source(named, ctx), connection, asked, ctx);
        } catch (Throwable t) {
            AgentLog.warnOnce("wrap", "could not wrap a connection from " + source.getClass().getName()
                    + "; it is used unwrapped", t);
            return connection;
        }
    }
}
