package io.queryadvisor.advisor.capture;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.jctools.queues.atomic.MpscAtomicArrayQueue;

import io.queryadvisor.advisor.faults.FaultInjection;
import io.queryadvisor.advisor.faults.FaultyStep;

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
 *
 * <p>Once full, it sheds: every offer is dropped at once, without touching the queue, until the
 * consumer has drained it to half. Without that, an application that outruns the advisor would pay
 * on every offer for reading the consumer's index from the other core's cache only to find the
 * queue still full (measured: the main thread's CPU per statement doubled once the consumer fell
 * behind), so a slower advisor would make the application slower; shedding makes it faster
 * instead. Dropping in bursts also leaves whole stretches of events intact, where a drop here and
 * there would break nearly every unit of work.
 */
public final class CaptureBuffer extends CaptureBufferFields {

    // Cache-line padding after the fields (the superclass pads before them): application threads
    // read these fields on every offer, and the small objects the consumer writes on every event
    // (its counters, its flags) are allocated beside this one and moved beside it by the collector.
    // Sharing a line with them cost every offer a miss: the whole agent's cost per statement
    // rose by half in the overhead benchmark, from layout alone.
    @SuppressWarnings("unused")
    private long p10, p11, p12, p13, p14, p15, p16, p17;

    public CaptureBuffer(int capacity) {
        super(capacity);
    }
}

/** Padding before {@link CaptureBufferFields}' fields (superclass fields are laid out first). */
abstract class CaptureBufferPadding {
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06, p07;
}

/** {@link CaptureBuffer}'s state, between its paddings. */
abstract class CaptureBufferFields extends CaptureBufferPadding {

    private final MpscAtomicArrayQueue<CaptureEvent> queue;
    // Set once by the capture layer; read by the consumer only (never on an offer).
    private volatile Consumer<String> everyExecutionSampled = sql -> { };
    private final LongAdder dropped = new LongAdder();
    private final int resumeAtOrBelow;
    // Written when the queue is found full and when the consumer has caught up: rarely, so the
    // producers' reads of it stay in their own caches.
    private volatile boolean shedding;

    CaptureBufferFields(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capture buffer capacity must be at least 2, was " + capacity);
        }
        this.queue = new MpscAtomicArrayQueue<>(capacity);
        this.resumeAtOrBelow = queue.capacity() / 2;
    }

    /**
     * Hands an event over; returns false (and counts a drop) if the buffer is full, or shedding
     * since it was full and not yet drained to half.
     */
    public boolean offer(CaptureEvent event) {
        if (FaultInjection.ARMED) { // a constant: folded away outside fault-injection tests
            FaultInjection.at(FaultyStep.OFFER);
        }
        if (!shedding) {
            if (queue.offer(event)) {
                return true;
            }
            shedding = true;
        }
        dropped.increment();
        return false;
    }

    /** Drains up to {@code limit} events into {@code sink}; consumer thread only. */
    public int drain(Consumer<CaptureEvent> sink, int limit) {
        int drained = queue.drain(sink::accept, limit);
        if (shedding && queue.size() <= resumeAtOrBelow) {
            shedding = false;
        }
        return drained;
    }

    /**
     * Asks the capture layer to copy the bind values of every execution of {@code sql} from now on
     * (the advisor needs each one, not a sample: the OFFSET of every page); a no-op when bind samples
     * are off, or the text is not counted. Consumer thread only; never blocks.
     */
    public void sampleEveryExecution(String sql) {
        everyExecutionSampled.accept(sql);
    }

    /** Where {@link #sampleEveryExecution} requests go: the capture layer, once, at its start. */
    public void onEveryExecutionSampled(Consumer<String> capture) {
        everyExecutionSampled = capture;
    }

    /** Whether offers are being dropped until the consumer catches up. */
    public boolean shedding() {
        return shedding;
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
