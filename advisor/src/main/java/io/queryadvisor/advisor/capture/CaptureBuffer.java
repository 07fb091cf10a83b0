package io.queryadvisor.advisor.capture;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.jctools.queues.atomic.MpscAtomicArrayQueue;

/**
 * The hand-off between application threads and the advisor: a bounded, lock-free,
 * multi-producer single-consumer queue.
 *
 * <p>{@link #offer} is the one call the hot path makes. It never blocks and never waits: when the
 * advisor falls behind and the queue is full, the event is dropped and counted, and the
 * application goes on at full speed. JCTools' array queue costs one CAS per offer and allocates
 * nothing, where {@code ArrayBlockingQueue} takes a lock and {@code ConcurrentLinkedQueue}
 * allocates a node and is unbounded. The "atomic" variant uses field updaters instead of
 * {@code sun.misc.Unsafe}, which JDK 24+ warns about on the application's console.
 */
public final class CaptureBuffer {

    private final MpscAtomicArrayQueue<CaptureEvent> queue;
    private final LongAdder dropped = new LongAdder();

    public CaptureBuffer(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capture buffer capacity must be at least 2, was " + capacity);
        }
        this.queue = new MpscAtomicArrayQueue<>(capacity);
    }

    /** Hands an event over; returns false (and counts a drop) if the buffer is full. */
    public boolean offer(CaptureEvent event) {
        if (queue.offer(event)) {
            return true;
        }
        dropped.increment();
        return false;
    }

    /** Drains up to {@code limit} events into {@code sink}; consumer thread only. */
    public int drain(Consumer<CaptureEvent> sink, int limit) {
        return queue.drain(sink::accept, limit);
    }

    public long dropped() {
        return dropped.sum();
    }

    public int size() {
        return queue.size();
    }

    public int capacity() {
        return queue.capacity();
    }
}
