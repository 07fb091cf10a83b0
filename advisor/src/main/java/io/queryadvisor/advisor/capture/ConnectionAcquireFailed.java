package io.queryadvisor.advisor.capture;

/**
 * The application asked a data source for a connection and got an exception instead: a pool's
 * acquisition timeout ({@code SQLTransientConnectionException}), or a database that refused.
 * Made only on that failure path, so a successful checkout costs nothing more.
 *
 * @param source     the pool name, or the data source / driver class
 * @param startNanos {@link System#nanoTime()} when the application asked
 * @param waitNanos  how long it waited before the exception
 * @param error      the exception's class name
 * @param threadName the asking thread's name
 * @param callSite   the application frame that asked, or {@code null} when it could not be found
 * @param request    the incoming request this ran inside, or {@code null}
 */
public record ConnectionAcquireFailed(String source, long startNanos, long waitNanos, String error,
                                      String threadName, CallSite callSite, RequestInfo request)
        implements CaptureEvent {

    /** Whether the pool gave up waiting for a free connection (rather than the database refusing). */
    public boolean timedOut() {
        return error != null && error.endsWith("SQLTransientConnectionException")
                || error != null && error.endsWith("SQLTimeoutException");
    }
}
