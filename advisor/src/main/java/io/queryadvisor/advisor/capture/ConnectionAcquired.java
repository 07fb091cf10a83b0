package io.queryadvisor.advisor.capture;

/**
 * The application obtained a logical connection (a checkout from a pool, or a DriverManager
 * connection): the start of a checkout, with how long the application waited for it.
 *
 * @param connectionId  the id that statements on this connection carry
 * @param source        the pool name, or the data source / driver class
 * @param startNanos    {@link System#nanoTime()} when the application asked for it
 * @param waitNanos     how long {@code getConnection} took
 * @param threadId      the acquiring thread's id
 * @param threadName    the acquiring thread's name
 * @param callSite      the application frame that asked, or {@code null} when not sampled
 * @param request       the incoming request this ran inside, or {@code null}
 */
public record ConnectionAcquired(long connectionId, String source, long startNanos, long waitNanos, long threadId,
                                 String threadName, CallSite callSite, RequestInfo request) implements CaptureEvent {
}
