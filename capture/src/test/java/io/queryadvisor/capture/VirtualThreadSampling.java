package io.queryadvisor.capture;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.queryadvisor.advisor.capture.CaptureBuffer;

/**
 * A child JVM's main (on JDK 21 or newer): runs one task at a time, a virtual thread per task, as a
 * server on virtual threads does, and prints how many tasks walked the stack, as {@code walks=N}.
 * Each task runs one untracked SQL text ({@code statements}) or makes one checkout
 * ({@code checkouts}). Compiled for Java 17, so the virtual-thread executor is reached by reflection.
 *
 * <p>Arguments: {@code statements} or {@code checkouts}, the number of tasks, and {@code callSite.every}.
 */
public final class VirtualThreadSampling {

    private VirtualThreadSampling() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = Integer.parseInt(args[1]);
        int every = Integer.parseInt(args[2]);
        // No room for any text: every execution is untracked, as once callSite.maxTexts is full.
        CaptureConfig config = new CaptureConfig(true, 32, every, Duration.ofHours(1), 0, List.of(), List.of(), false);
        BooleanSupplier task = switch (args[0]) {
            case "statements" -> {
                CallSiteSampler sampler = config.newSampler(config.newFilter());
                yield () -> sampler.sample("SELECT * FROM orders WHERE id = ?", 0) != null;
            }
            case "checkouts" -> {
                Capture capture = new Capture(new CaptureBuffer(16), config);
                yield () -> capture.checkoutCallSite(0, CaptureContext.current()) != null;
            }
            default -> throw new IllegalArgumentException("statements or checkouts, not " + args[0]);
        };
        AtomicInteger walks = new AtomicInteger();
        ExecutorService perTask = (ExecutorService) Executors.class
                .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        for (int i = 0; i < tasks; i++) {
            perTask.submit(() -> {
                if (task.getAsBoolean()) {
                    walks.incrementAndGet();
                }
            }).get(); // one at a time: each task's thread is a new one, as under a server
        }
        perTask.shutdown();
        perTask.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("walks=" + walks.get());
    }
}
