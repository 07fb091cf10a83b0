package io.queryadvisor.advisor.capture;

/**
 * Something the capture layer saw on an application thread, handed to the advisor through a
 * {@link CaptureBuffer}. Events are immutable and built with as little work as possible: the
 * application's thread never parses, formats or looks anything up to make one.
 */
public sealed interface CaptureEvent permits StatementExecuted, ConnectionReleased, RequestCompleted, DatabaseIdentified {

    /** {@link System#nanoTime()} when the event's subject started. */
    long startNanos();
}
