package io.queryadvisor.capture;

import java.util.concurrent.atomic.AtomicLong;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.advisor.capture.CaptureEvent;

/**
 * The capture layer's shared state, one per agent: where events go, how call sites are
 * sampled, how connections are numbered. Every JDBC wrapper holds a reference to it, so the hot
 * path reaches it without a static lookup.
 */
public final class Capture {

    private final CaptureBuffer buffer;
    private final CallSiteSampler sampler;
    private final AtomicLong connectionIds = new AtomicLong();

    public Capture(CaptureBuffer buffer, CaptureConfig config) {
        this.buffer = buffer;
        this.sampler = config.newSampler();
    }

    /** Hands an event to the advisor; never blocks (a full buffer drops and counts). */
    public void emit(CaptureEvent event) {
        buffer.offer(event);
    }

    /** A new logical connection's id; ids start at 1. */
    public long nextConnectionId() {
        return connectionIds.incrementAndGet();
    }

    /** The call site of the running execution, or {@code null} when this one is not sampled. */
    public CallSite callSite(String sql, long durationNanos) {
        return sampler.sample(sql, durationNanos);
    }
}
