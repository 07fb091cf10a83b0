package io.queryadvisor.capture.jdbc;

import java.sql.Connection;

import io.queryadvisor.advisor.capture.ConnectionAcquireFailed;
import io.queryadvisor.advisor.capture.ConnectionAcquired;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureContext;
import io.queryadvisor.capture.CaptureLog;
import io.queryadvisor.capture.ConnectionSource;

/**
 * A logical connection handed to the application: wrapped for capture, counted once, and told to
 * the advisor ({@link ConnectionAcquired}, after the database's identification on a source's first
 * checkout). The agent's instrumentation and the library's {@link CapturingDataSource} both end here.
 */
public final class Checkouts {

    private Checkouts() {
    }

    /** As {@link #checkedOut(Capture, ConnectionSource, Connection, long, CaptureContext)}, on the current thread. */
    public static Connection checkedOut(Capture capture, ConnectionSource source, Connection raw, long askedNanos) {
        return checkedOut(capture, source, raw, askedNanos, CaptureContext.current());
    }

    /**
     * The connection the application gets for {@code raw}: its capturing wrapper, or {@code raw}
     * itself when it is a capturing connection already (another layer of ours is under this one:
     * its statements are counted there, once).
     *
     * @param askedNanos {@link System#nanoTime()} when the application asked for it: the wait is
     *                   from then until now
     * @param context    the calling thread's
     */
    public static Connection checkedOut(Capture capture, ConnectionSource source, Connection raw, long askedNanos,
                                        CaptureContext context) {
        if (raw == null || raw instanceof CapturingConnection) {
            return raw;
        }
        long obtained = System.nanoTime();
        CapturingConnection wrapped = JdbcWrappers.connection(raw, capture, capture.nextConnectionId(context),
                source.name(), obtained, context);
        capture.identifyOnce(source, raw);
        long wait = obtained - askedNanos;
        Thread thread = Thread.currentThread();
        capture.emit(new ConnectionAcquired(wrapped.id(), source.name(), askedNanos, wait, thread.getId(),
                thread.getName(), capture.checkoutCallSite(wait, context), context.request));
        return wrapped;
    }

    /**
     * The application asked {@code source} for a connection at {@code askedNanos} and got
     * {@code thrown} instead (a pool's acquisition timeout, a refused login): told to the advisor.
     * Only on that failure path; never throws.
     */
    public static void failed(Capture capture, ConnectionSource source, long askedNanos, Throwable thrown,
                              CaptureContext context) {
        try {
            long wait = System.nanoTime() - askedNanos;
            capture.emit(new ConnectionAcquireFailed(source.name(), askedNanos, wait, thrown.getClass().getName(),
                    Thread.currentThread().getName(), capture.checkoutCallSite(wait, context), context.request));
        } catch (RuntimeException | LinkageError e) {
            CaptureLog.warnOnce("acquire-failed", "could not record a failed getConnection", e);
        }
    }
}
