package io.queryadvisor.advisor.pool;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.ConnectionAcquired;

/**
 * One checkout as its acquisition told it, kept while the connection is out.
 *
 * @param endpoint the endpoint of the request it was taken in, or {@code null}
 */
public record Checkout(long connectionId, String source, long startNanos, long waitNanos, String threadName,
                       CallSite callSite, String endpoint, long requestId) {

    static Checkout of(ConnectionAcquired e) {
        return new Checkout(e.connectionId(), e.source(), e.startNanos(), e.waitNanos(), e.threadName(), e.callSite(),
                e.request() == null ? null : e.request().endpoint(), e.request() == null ? 0 : e.request().id());
    }

    /** When the application got the connection (after its wait). */
    public long obtainedNanos() {
        return startNanos + waitNanos;
    }
}
