package io.queryadvisor.capture;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child JVM's main (on JDK 21 or newer): runs one untracked SQL text once per task, a virtual
 * thread per task, as a server on virtual threads does, and prints how many executions walked the
 * stack, as {@code walks=N}. Compiled for Java 17, so the virtual-thread executor is reached by
 * reflection.
 *
 * <p>Arguments: the number of tasks, and {@code callSite.every}.
 */
public final class VirtualThreadSampling {

    private VirtualThreadSampling() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = Integer.parseInt(args[0]);
        int every = Integer.parseInt(args[1]);
        // No room for any text: every execution is untracked, as once callSite.maxTexts is full.
        CallSiteSampler sampler = newSampler(new CaptureConfig(true, 32, every, Duration.ofHours(1), 0, List.of(), List.of(), false));
        AtomicInteger walks = new AtomicInteger();
        ExecutorService perTask = (ExecutorService) Executors.class
                .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        for (int i = 0; i < tasks; i++) {
            perTask.submit(() -> {
                if (sampler.sample("SELECT * FROM orders WHERE id = ?", 0) != null) {
                    walks.incrementAndGet();
                }
            }).get(); // one at a time: each task's thread is a new one, as under a server
        }
        perTask.shutdown();
        perTask.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("walks=" + walks.get());
    }

    private static CallSiteSampler newSampler(CaptureConfig config) {
        return config.newSampler(config.newFilter());
    }
}
