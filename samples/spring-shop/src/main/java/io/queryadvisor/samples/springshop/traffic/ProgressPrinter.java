package io.queryadvisor.samples.springshop.traffic;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Prints a traffic run's one-line summary periodically, on a daemon thread of its own, until closed. */
public final class ProgressPrinter implements AutoCloseable {

    private final ScheduledExecutorService scheduler;

    private ProgressPrinter(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    public static ProgressPrinter every(Duration period, Supplier<TrafficProgress> progress, PrintStream out) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "spring-shop-progress");
            thread.setDaemon(true);
            return thread;
        });
        long nanos = period.toNanos();
        scheduler.scheduleAtFixedRate(() -> out.println("[spring-shop] " + progress.get().summary()), nanos, nanos, TimeUnit.NANOSECONDS);
        return new ProgressPrinter(scheduler);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
