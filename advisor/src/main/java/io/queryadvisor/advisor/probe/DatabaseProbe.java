package io.queryadvisor.advisor.probe;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.ProbeCompleted;
import io.queryadvisor.advisor.faults.FaultInjection;
import io.queryadvisor.advisor.faults.FaultyStep;
import io.queryadvisor.advisor.probe.ProbeFailure.Kind;

/**
 * Runs probe requests: one daemon thread of its own ({@value #THREAD_NAME}, started by the first
 * request, so that an application whose rules never ask has no such thread), one request at a
 * time, from a bounded queue. Each answer goes back as a {@link ProbeCompleted} event into the
 * advisor's buffer, so rules receive it on the consumer thread, in order with everything else.
 *
 * <p>{@link #submit} never blocks and never waits: when the queue is full the request is dropped
 * and counted. Nothing the probe does runs on the consumer thread, and the consumer never waits
 * for the probe: the two only share a lock-free queue each way.
 *
 * <p>It learns the data sources from {@link DatabaseIdentified} events (as a listener) and keeps
 * one {@link ProbeSession} per source, its own connection opened through the source's connector:
 * never a connection of the application's or of its pool.
 */
public final class DatabaseProbe implements CaptureListener, AutoCloseable {

    static final String THREAD_NAME = "query-advisor-probe";
    private static final System.Logger LOG = System.getLogger("io.queryadvisor");
    /** As many data sources as the report records; a few in any real application. */
    private static final int MAX_SOURCES = 32;
    /** How long the idle thread sleeps between checks for idle connections; a request wakes it at once. */
    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ProbeConfig config;
    private final Predicate<CaptureEvent> sink;
    private final ConcurrentLinkedQueue<ProbeRequest> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Map<String, DatabaseIdentified> targets = new ConcurrentHashMap<>();
    private final Map<String, ProbeSession> sessions = new HashMap<>(); // the probe's thread only
    private final ProbeFailures failures = new ProbeFailures();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong undelivered = new AtomicLong();
    /** Requests accepted whose answer is not yet in the sink: counted up before queueing, down after delivery. */
    private final AtomicInteger pending = new AtomicInteger();
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile boolean switchedOff;

    /**
     * A probe whose answers go to {@code sink} (the advisor's {@code buffer()::offer}; it returns
     * false when it has no room).
     */
    public DatabaseProbe(ProbeConfig config, Predicate<CaptureEvent> sink) {
        this.config = config;
        this.sink = sink;
        this.thread = new Thread(this::run, THREAD_NAME);
        this.thread.setDaemon(true);
        // the thread may outlive whoever started it: it must not pin an application's class loader
        this.thread.setContextClassLoader(DatabaseProbe.class.getClassLoader());
    }

    /** Learns the data sources and how to connect to them. Consumer thread. */
    @Override
    public void onEvent(CaptureEvent event) {
        if (event instanceof DatabaseIdentified d
                && (targets.size() < MAX_SOURCES || targets.containsKey(d.source()))) {
            targets.put(d.source(), d);
        }
    }

    /**
     * Queues a request; returns false, counting it, when the queue is full or the probe is closed.
     * Never blocks; any thread.
     */
    public boolean submit(ProbeRequest request) {
        if (!running) {
            dropped.incrementAndGet();
            return false;
        }
        if (queued.incrementAndGet() > config.queueCapacity()) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        pending.incrementAndGet();
        queue.offer(request);
        submitted.incrementAndGet();
        if (!started.get() && started.compareAndSet(false, true)) {
            thread.start();
        } else {
            LockSupport.unpark(thread);
        }
        return true;
    }

    /**
     * Requests accepted and not yet answered into the sink (queued, or in hand). Any thread; with
     * the sink's own emptiness it tells that nothing the probe was asked is still on its way.
     */
    public int pending() {
        return running ? pending.get() : 0;
    }

    public ProbeCounters counters() {
        return new ProbeCounters(submitted.get(), dropped.get(), completed.get(), undelivered.get(), failures.counts());
    }

    private void run() {
        while (running) {
            ProbeRequest request = queue.poll();
            if (request == null) {
                closeIdleSessions();
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                continue;
            }
            queued.decrementAndGet();
            try {
                answer(request);
            } catch (RuntimeException | LinkageError e) {
                // The session catches per request; this is a bug in the probe itself, which would
                // fail again on every request: survive it, and switch the probe off.
                switchedOff = true;
                running = false;
                failures.failed(request.source(), Kind.INTERNAL, e + "; the probe is switched off, the rules go on"
                        + " without it", e);
            }
        }
        sessions.values().forEach(ProbeSession::close);
        sessions.clear();
    }

    private void answer(ProbeRequest request) {
        try {
            long start = System.nanoTime();
            if (FaultInjection.ARMED) {
                FaultInjection.at(FaultyStep.PROBE);
            }
            ProbeResult result = execute(request);
            completed.incrementAndGet();
            if (!sink.test(new ProbeCompleted(request, result, start, System.nanoTime() - start))) {
                undelivered.incrementAndGet();
            }
        } finally {
            // whatever happened, this request is no longer on its way: awaitIdle must not wait for it
            pending.decrementAndGet();
        }
    }

    /** Whether the probe failed in itself and switched itself off; it answers nothing more. */
    public boolean switchedOff() {
        return switchedOff;
    }

    private ProbeResult execute(ProbeRequest request) {
        String source = request.source();
        DatabaseIdentified target = source == null ? null : targets.get(source);
        if (target == null) {
            return failures.failed(source, Kind.UNKNOWN_SOURCE, "no database was identified for data source "
                    + source, null);
        }
        if (target.connector() == null) {
            return failures.failed(source, Kind.NO_CONNECTOR, "the capture layer could not learn how the application"
                    + " connects to " + source, null);
        }
        if (ProbeDialect.of(target.dialect()) == null) {
            return failures.failed(source, Kind.UNSUPPORTED_DATABASE, "the probe cannot ask " + target.product(),
                    null);
        }
        ProbeSession session = sessions.get(source);
        if (session != null && session.target() != target) {
            session.close(); // the source was identified again (a new pool): connect as it now does
            session = null;
        }
        if (session == null) {
            session = new ProbeSession(target, config, failures);
            sessions.put(source, session);
        }
        return session.run(request);
    }

    private void closeIdleSessions() {
        long now = System.nanoTime();
        long idle = config.idleTimeout().toNanos();
        for (ProbeSession session : sessions.values()) {
            session.closeIfIdle(now, idle);
        }
    }

    /**
     * Stops the thread after the request in hand (bounded by the statement timeout) and closes the
     * probe's connections; requests still queued are not answered.
     */
    @Override
    public void close() {
        running = false;
        if (!started.get()) {
            return;
        }
        LockSupport.unpark(thread);
        try {
            thread.join(config.statementTimeout().toMillis() + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.log(System.Logger.Level.WARNING, "Query Advisor: the database probe did not stop in time; its"
                    + " daemon thread ends its request and closes its connections by itself");
        }
    }
}
