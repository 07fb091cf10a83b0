package io.queryadvisor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CaptureBuffer;

/**
 * Call-site sampling of SQL texts the sampler has no room to track (once {@code callSite.maxTexts}
 * is full): one execution in {@code every} walks the stack, whether the threads live long or run
 * one task each; and so are connection checkouts, after the capture's first ones.
 */
class CallSiteSamplerTest {

    private static final int EVERY = 10;
    private static final int EXECUTIONS = 1_000;
    private static final String TEXT = "SELECT * FROM orders WHERE id = ?";
    private static final String JDK25 = "QUERYADVISOR_TEST_JDK25";

    private static final int FIRST_N = 32;
    /** With {@code callSite.every} 1, checkouts are sampled one in {@link CaptureConfig#CHECKOUT_EVERY_FACTOR}. */
    private static final int CHECKOUT_EVERY = CaptureConfig.CHECKOUT_EVERY_FACTOR;
    private static final int CHECKOUTS = 100 * CHECKOUT_EVERY;

    /** No room for any text: every execution is untracked. */
    private final CallSiteSampler sampler = newSampler(new CaptureConfig(true, FIRST_N, EVERY, Duration.ofHours(1), 0,
            List.of(), List.of(), false));
    private final CaptureConfig config = new CaptureConfig(true, FIRST_N, 1, Duration.ofHours(1), 0, List.of(), List.of(),
            false);

    @Test
    void aLongLivedThreadWalksOnOneUntrackedExecutionInEvery() {
        int walks = 0;
        for (int i = 0; i < EXECUTIONS; i++) {
            walks += sampler.sample(TEXT, 0) == null ? 0 : 1;
        }

        assertThat(walks).isEqualTo(EXECUTIONS / EVERY);
    }

    @Test
    void aThreadPerExecutionWalksOnAboutOneInEvery() throws InterruptedException {
        AtomicInteger walks = new AtomicInteger();
        for (int i = 0; i < EXECUTIONS; i++) {
            Thread task = new Thread(() -> walks.addAndGet(sampler.sample(TEXT, 0) == null ? 0 : 1));
            task.start();
            task.join();
        }

        // Expected 100; before, every fresh thread walked (1,000). The bounds are 5 standard deviations out.
        assertThat(walks.get()).isBetween(50, 150);
    }

    @Test
    void aVirtualThreadPerTaskWalksOnAboutOneInEveryOnJdk25() throws Exception {
        assertThat(walksOnVirtualThreadsPerTask("statements", EXECUTIONS, EVERY)).isBetween(50, 150);
    }

    @Test
    void aLongLivedThreadWalksOnTheFirstCheckoutsThenOneInEveryTimesTheCheckoutFactor() {
        Capture capture = new Capture(new CaptureBuffer(16), config);
        int walks = 0;
        for (int i = 0; i < CHECKOUTS; i++) {
            walks += capture.checkoutCallSite(0, CaptureContext.current()) == null ? 0 : 1;
        }

        // One in 16 of 1,600 consecutive counts, and the capture's first 32 checkouts besides.
        assertThat(walks).isEqualTo(FIRST_N + CHECKOUTS / CHECKOUT_EVERY);
    }

    @Test
    void aThreadPerCheckoutWalksOnTheFirstCheckoutsThenAboutOneInEvery() throws InterruptedException {
        Capture capture = new Capture(new CaptureBuffer(16), config);
        AtomicInteger walks = new AtomicInteger();
        for (int i = 0; i < CHECKOUTS; i++) {
            Thread task = new Thread(() -> walks.addAndGet(
                    capture.checkoutCallSite(0, CaptureContext.current()) == null ? 0 : 1));
            task.start();
            task.join();
        }

        assertThat(walks.get() - FIRST_N).isBetween(50, 150);
    }

    @Test
    void aVirtualThreadPerCheckoutWalksOnTheFirstCheckoutsThenAboutOneInEveryOnJdk25() throws Exception {
        // Expected 32 + 100; before, each virtual thread's first checkout walked (1,600).
        assertThat(walksOnVirtualThreadsPerTask("checkouts", CHECKOUTS, 1) - FIRST_N).isBetween(50, 150);
    }

    /** Walks in a JDK 25 child JVM running {@code tasks} tasks of {@code kind}, a virtual thread each (see {@link VirtualThreadSampling}). */
    private static int walksOnVirtualThreadsPerTask(String kind, int tasks, int every) throws Exception {
        Path java = jdk25().resolve("bin").resolve("java");
        Path output = Files.createTempFile("virtual-thread-sampling", ".log");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                VirtualThreadSampling.class.getName(), kind, String.valueOf(tasks), String.valueOf(every))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the child JVM ended").isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);

        assertThat(child.exitValue()).as(printed).isZero();
        return Integer.parseInt(printed.lines().filter(line -> line.startsWith("walks="))
                .findFirst().orElseThrow(() -> new AssertionError("no walks= line in: " + printed)).substring(6));
    }

    private static Path jdk25() throws IOException {
        String configured = System.getenv(JDK25);
        Path home = Path.of(configured == null || configured.isBlank() ? "/usr/lib/jvm/temurin-25-jdk-amd64"
                : configured.trim());
        if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
            throw new AssertionError("No JDK 25 at " + home + ": install one, or set " + JDK25 + " to its home");
        }
        return home;
    }

    private static CallSiteSampler newSampler(CaptureConfig config) {
        return config.newSampler(config.newFilter());
    }
}
