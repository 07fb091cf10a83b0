package io.queryadvisor.samples.springshop.traffic;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs a {@link TrafficIteration} on several threads until its {@link TrafficLimit} is reached or
 * the {@link StopSignal} is raised.
 *
 * <p>Iteration numbers are handed out from one counter, so a run of N iterations runs exactly the
 * iterations 0..N-1, each once, whatever the number of threads: what an iteration does depends on
 * its number only, which keeps the statement counts of a run predictable.
 */
public final class TrafficLoop {

    private static final int PRINTED_ERRORS = 3;

    private final TrafficIteration iteration;
    private final int threads;
    private final TrafficLimit limit;
    private final StopSignal stop;
    private final PrintStream errorOut;

    private final AtomicLong nextIndex = new AtomicLong();
    private final LongAdder completed = new LongAdder();
    private final AtomicLong errors = new AtomicLong();
    private volatile long startNanos = System.nanoTime();

    public TrafficLoop(TrafficIteration iteration, int threads, TrafficLimit limit, StopSignal stop, PrintStream errorOut) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.iteration = iteration;
        this.threads = threads;
        this.limit = limit;
        this.stop = stop;
        this.errorOut = errorOut;
    }

    /** Runs the traffic on this loop's threads and returns when all of them are done. */
    public TrafficProgress run() throws InterruptedException {
        startNanos = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(this::work, "spring-shop-traffic-" + i);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return progress();
    }

    /** The counts so far; safe to call from any thread while the loop runs. */
    public TrafficProgress progress() {
        return new TrafficProgress(completed.sum(), errors.get(), Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private void work() {
        while (!stop.isRaised() && !limit.isOver(System.nanoTime() - startNanos)) {
            long index = nextIndex.getAndIncrement();
            if (!limit.allowsIteration(index)) {
                return;
            }
            try {
                iteration.run(index);
                completed.increment();
            } catch (Exception e) {
                if (stop.isRaised()) {
                    // Cut short by the shutdown (Ctrl+C may already have stopped an embedded server): not an error.
                    return;
                }
                report(index, e);
            }
        }
    }

    private void report(long index, Exception e) {
        long count = errors.incrementAndGet();
        if (count <= PRINTED_ERRORS) {
            errorOut.println("[spring-shop] iteration " + index + " failed: " + e);
            e.printStackTrace(errorOut);
            if (count == PRINTED_ERRORS) {
                errorOut.println("[spring-shop] further errors are counted, not printed");
            }
        }
    }
}
