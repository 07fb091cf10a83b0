package io.queryadvisor.advisor.capture;

/**
 * Something that happened, as every {@link CaptureListener} receives it: one sealed hierarchy, one
 * stream, in order. Adding an event is adding one record here and the cases that care about it.
 *
 * <p>Most events are made by the capture layer on an application thread, with as little work as
 * possible: that thread never parses, formats or looks anything up to make one. Two kinds are made
 * on the advisor's consumer thread instead: {@link ObservedStatement} (a {@link StatementExecuted}
 * once fingerprinted: listeners receive that, never the raw execution) and {@link Tick} (the
 * advisor's clock, so that rules judge time there and never when findings are read). One comes
 * from the database probe's thread: {@link ProbeCompleted}, the answer to a rule's question; and one
 * from the capture layer's pool sampler thread: {@link PoolSampled}, a pool's gauges.
 */
public sealed interface CaptureEvent permits StatementExecuted, ObservedStatement, ConnectionAcquired,
        ConnectionReleased, ConnectionAcquireFailed, TransactionEnded, QueryTimeoutSet, FetchSizeSet, RequestCompleted,
        DatabaseIdentified, PoolSampled, Tick, ProbeCompleted {

    /** {@link System#nanoTime()} when the event's subject started. */
    long startNanos();
}
