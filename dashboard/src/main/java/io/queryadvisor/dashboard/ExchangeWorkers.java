package io.queryadvisor.dashboard;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard's threads: a fixed number of daemon workers with a bounded queue, and a deadline
 * on every exchange.
 *
 * <p>The JDK's HTTP server hands a connection to its executor as soon as its first byte arrives,
 * and the worker then reads the request line and headers with blocking reads. A client that sends
 * half a request and waits keeps that worker forever: two such clients stopped the old two-thread
 * dashboard. The server's own limits ({@code sun.net.httpserver.maxReqTime} and friends) are
 * system properties read once for every {@code HttpServer} in the JVM, the application's too, so
 * they are not ours to set. Instead each exchange gets {@link #readTimeout} until the handler
 * starts (the request has then been read: {@link #requestRead}) and {@link #responseTimeout}
 * from there; when it runs out, the worker is interrupted, which closes the connection's channel
 * (an interruptible channel) and ends the exchange. A full queue refuses the connection, which
 * the server then closes.
 */
final class ExchangeWorkers implements Executor, AutoCloseable {

    static final int THREADS = 4;
    static final int QUEUE = 64;
    /** Far above what a browser or curl needs to send a GET: its headers come in one packet. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** Far above building the largest report; bounds a client that reads its answer very slowly. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final long readTimeoutNanos;
    private final long responseTimeoutNanos;

    ExchangeWorkers() {
        this(THREADS, READ_TIMEOUT, RESPONSE_TIMEOUT);
    }

    ExchangeWorkers(int threads, Duration readTimeout, Duration responseTimeout) {
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), daemonThreads("query-advisor-dashboard-"),
                new ThreadPoolExecutor.AbortPolicy());
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                daemonThreads("query-advisor-dashboard-timer-"));
        scheduler.setRemoveOnCancelPolicy(true); // most deadlines are cancelled: do not keep them queued
        this.timer = scheduler;
        this.readTimeoutNanos = readTimeout.toNanos();
        this.responseTimeoutNanos = responseTimeout.toNanos();
    }

    @Override
    public void execute(Runnable exchange) {
        workers.execute(() -> {
            Deadline deadline = new Deadline(Thread.currentThread());
            CURRENT.set(deadline);
            deadline.schedule(readTimeoutNanos);
            try {
                exchange.run();
            } finally {
                CURRENT.remove();
                deadline.finish();
            }
        });
    }

    /** Called by the handler on a worker: the request is read, the response gets its own, longer time. */
    void requestRead() {
        Deadline deadline = CURRENT.get();
        if (deadline != null) {
            deadline.schedule(responseTimeoutNanos);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * One exchange's deadline. Interrupting is a small state machine, so that an interrupt meant
     * for a finished exchange never reaches the worker's next one: the timer interrupts only while
     * the exchange runs, and the worker, once done, waits out an interrupt under way and clears it.
     */
    private final class Deadline implements Runnable {
        private static final int RUNNING = 0;
        private static final int INTERRUPTING = 1;
        private static final int INTERRUPTED = 2;
        private static final int DONE = 3;

        private final Thread worker;
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private ScheduledFuture<?> alarm;

        Deadline(Thread worker) {
            this.worker = worker;
        }

        /** (Re)sets the deadline to {@code nanos} from now. Worker thread only. */
        void schedule(long nanos) {
            if (alarm != null) {
                alarm.cancel(false);
            }
            try {
                alarm = timer.schedule(this, nanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                alarm = null; // the dashboard is closing; its workers are being interrupted anyway
            }
        }

        @Override
        public void run() {
            if (state.compareAndSet(RUNNING, INTERRUPTING)) {
                worker.interrupt();
                state.set(INTERRUPTED);
            }
        }

        void finish() {
            if (alarm != null) {
                alarm.cancel(false);
            }
            if (!state.compareAndSet(RUNNING, DONE)) {
                while (state.get() == INTERRUPTING) {
                    Thread.onSpinWait();
                }
                Thread.interrupted();
            }
        }
    }
}
