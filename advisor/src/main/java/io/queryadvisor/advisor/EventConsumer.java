package io.queryadvisor.advisor;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.ChainListener;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.endpoints.EndpointCatalog;
import io.queryadvisor.advisor.faults.FaultInjection;
import io.queryadvisor.advisor.faults.FaultyStep;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.FingerprintCache;

/**
 * The advisor's one consumer thread: drains the capture buffer, fingerprints each statement, hands
 * every event to every listener in capture order, makes a {@link Tick} about once a second, and
 * publishes what the advisor knows (see {@link Advisor}) when it goes idle, or at least once a
 * second while it is busy. All analysis happens here; readers only ever see what was published.
 *
 * <p>Idle publications are at least {@value #MIN_IDLE_PUBLISH_MILLIS} ms apart, unless a reader asks
 * for the latest state ({@link #publicationWanted()}): while an application starts, statements come
 * in small bursts with idle moments between them, and publishing after each (every rule's findings
 * made again) was most of this thread's work then, for readers that look once a second at most.
 *
 * <p>Application threads never wait for it and never wake it (waking costs them a syscall): it
 * polls, parking up to {@value #MAX_IDLE_MILLIS} ms when there is nothing to do.
 */
final class EventConsumer implements Runnable {

    private static final System.Logger LOG = System.getLogger("io.queryadvisor");
    private static final int DRAIN_LIMIT = 4_096;
    private static final long MAX_IDLE_MILLIS = 10;
    private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long PUBLISH_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** While nothing else happens, ticks may still change findings (a unit judged by age): republish now and then. */
    private static final int TICKS_PER_IDLE_PUBLICATION = 10;
    private static final long MIN_IDLE_PUBLISH_MILLIS = 200;
    private static final long MIN_IDLE_PUBLISH_NANOS = TimeUnit.MILLISECONDS.toNanos(MIN_IDLE_PUBLISH_MILLIS);

    private final CaptureBuffer buffer;
    private final FingerprintCache fingerprints;
    private final EndpointCatalog endpoints;
    private final ChainListener listeners;
    private final Runnable publisher;
    private final long baseEpochMillis = System.currentTimeMillis();
    private final long baseNanos = System.nanoTime();
    private long nextTickNanos = baseNanos + TICK_NANOS;
    private long ticks;
    private long lastPublishedNanos = baseNanos;
    private boolean changed;
    private boolean anyEvent;
    private boolean publisherFailed;
    private volatile long idleRounds;
    /** Readers' requests for a publication now (awaitIdle), and how many of them the last publication served. */
    private volatile long publicationRequests;
    private long publicationRequestsServed;
    private volatile boolean running = true;

    /** @param publisher takes and publishes the advisor's state; runs on this thread */
    EventConsumer(CaptureBuffer buffer, FingerprintCache fingerprints, EndpointCatalog endpoints,
                  List<CaptureListener> listeners, Runnable publisher) {
        this.buffer = buffer;
        this.fingerprints = fingerprints;
        this.endpoints = endpoints;
        this.listeners = new ChainListener(listeners);
        this.publisher = publisher;
    }

    @Override
    public void run() {
        publish(); // readers never see "nothing published"
        long idleMillis = 1;
        while (running) {
            int n = drainOnce();
            tickIfDue();
            if (n == 0) {
                if (changed && (publicationRequests != publicationRequestsServed
                        || System.nanoTime() - lastPublishedNanos >= MIN_IDLE_PUBLISH_NANOS)) {
                    publish();
                }
                if (!changed) {
                    // everything processed is published: the readers' requests so far are served
                    publicationRequestsServed = publicationRequests;
                    // after the publication: an idle round proves what came before it is published (awaitIdle)
                    idleRounds++;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(idleMillis));
                idleMillis = Math.min(MAX_IDLE_MILLIS, idleMillis * 2);
            } else {
                idleMillis = 1;
                if (System.nanoTime() - lastPublishedNanos >= PUBLISH_NANOS) {
                    publish();
                }
            }
        }
        drainOnce(); // what arrived before close
        publish();
    }

    void stop() {
        running = false;
    }

    /**
     * A reader wants what has been processed published without the idle delay; idle rounds
     * ({@link #idleRounds()}) count again once it is.
     */
    void publicationWanted() {
        publicationRequests++; // racing readers may lose an increment: any change is a request
    }

    /**
     * How many times the consumer found the buffer empty with everything it processed published;
     * grows only while it is idle.
     */
    long idleRounds() {
        return idleRounds;
    }

    long listenerFailures() {
        return listeners.failures();
    }

    /** The listeners switched off after repeated failures. */
    List<String> switchedOff() {
        return listeners.switchedOff();
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
        if (!changed) { // written once per publication, not per event: a line written all the time is
            changed = true; // a line other objects' readers may share
            anyEvent = true;
        }
        if (event instanceof StatementExecuted e) {
            Fingerprint fp = fingerprints.fingerprintOf(e); // read in its database's dialect
            if (e.bindValues() == null && fp.facts().paging().bounds().offsetBind() > 0) {
                // How deep pages go is each page's bound OFFSET: a sample of a few would miss the deep ones.
                buffer.sampleEveryExecution(e.sql());
            }
            listeners.onEvent(new ObservedStatement(e, fp, toEpochMillis(e.startNanos()), endpoints.endpointOf(e)));
        } else {
            fingerprints.onEvent(event); // learns each source's dialect from DatabaseIdentified
            listeners.onEvent(event);
        }
    }

    private void tickIfDue() {
        long now = System.nanoTime();
        if (now - nextTickNanos < 0) {
            return;
        }
        nextTickNanos = now + TICK_NANOS;
        listeners.onEvent(new Tick(now, toEpochMillis(now)));
        if (anyEvent && ++ticks % TICKS_PER_IDLE_PUBLICATION == 0) {
            changed = true;
        }
    }

    private void publish() {
        changed = false;
        publicationRequestsServed = publicationRequests;
        lastPublishedNanos = System.nanoTime();
        try {
            if (FaultInjection.ARMED) {
                FaultInjection.at(FaultyStep.PUBLISH);
            }
            publisher.run();
        } catch (RuntimeException | LinkageError e) {
            if (!publisherFailed) {
                publisherFailed = true;
                LOG.log(System.Logger.Level.ERROR, "Query Advisor: publishing the findings failed; readers keep"
                        + " the last ones published, later failures are not logged", e);
            }
        }
    }

    long toEpochMillis(long nanos) {
        return baseEpochMillis + (nanos - baseNanos) / 1_000_000;
    }
}
