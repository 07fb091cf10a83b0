package io.queryadvisor.advisor;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.ChainListener;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.RequestCompleted;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.FingerprintCache;

/**
 * The advisor's one consumer thread: drains the capture buffer, fingerprints each statement and
 * hands it to every listener in capture order.
 *
 * <p>Application threads never wait for it and never wake it (waking costs them a syscall): it
 * polls, parking up to {@value #MAX_IDLE_MILLIS} ms when there is nothing to do.
 */
final class EventConsumer implements Runnable {

    private static final System.Logger LOG = System.getLogger("io.queryadvisor");
    private static final int DRAIN_LIMIT = 4_096;
    private static final long MAX_IDLE_MILLIS = 10;

    private final CaptureBuffer buffer;
    private final FingerprintCache fingerprints;
    private final ChainListener listeners;
    private final long baseEpochMillis = System.currentTimeMillis();
    private final long baseNanos = System.nanoTime();
    private volatile long idleRounds;
    private volatile boolean running = true;

    EventConsumer(CaptureBuffer buffer, FingerprintCache fingerprints, List<CaptureListener> listeners) {
        this.buffer = buffer;
        this.fingerprints = fingerprints;
        this.listeners = new ChainListener(listeners);
    }

    @Override
    public void run() {
        long idleMillis = 1;
        while (running) {
            int n = drainOnce();
            if (n == 0) {
                idleRounds++;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(idleMillis));
                idleMillis = Math.min(MAX_IDLE_MILLIS, idleMillis * 2);
            } else {
                idleMillis = 1;
            }
        }
        drainOnce(); // what arrived before close
    }

    void stop() {
        running = false;
    }

    /** How many times the consumer found the buffer empty; grows only while it is idle. */
    long idleRounds() {
        return idleRounds;
    }

    long listenerFailures() {
        return listeners.failures();
    }

    private int drainOnce() {
        try {
            return buffer.drain(this::dispatch, DRAIN_LIMIT);
        } catch (RuntimeException | LinkageError e) {
            // dispatch catches per listener; this is a bug in the advisor itself. Survive it.
            LOG.log(System.Logger.Level.ERROR, "Query Advisor: event processing failed; continuing", e);
            return 1;
        }
    }

    private void dispatch(CaptureEvent event) {
        if (event instanceof StatementExecuted e) {
            Fingerprint fp = fingerprints.fingerprint(e.sql());
            listeners.onStatement(new ObservedStatement(e, fp, toEpochMillis(e.startNanos())));
        } else if (event instanceof ConnectionReleased r) {
            listeners.onConnectionReleased(r);
        } else if (event instanceof RequestCompleted r) {
            listeners.onRequestCompleted(r);
        } else if (event instanceof DatabaseIdentified d) {
            listeners.onDatabaseIdentified(d);
        }
    }

    long toEpochMillis(long nanos) {
        return baseEpochMillis + (nanos - baseNanos) / 1_000_000;
    }
}
