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

/**
 * Call-site sampling of SQL texts the sampler has no room to track (once {@code callSite.maxTexts}
 * is full): one execution in {@code every} walks the stack, whether the threads live long or run
 * one task each.
 */
class CallSiteSamplerTest {

    private static final int EVERY = 10;
    private static final int EXECUTIONS = 1_000;
    private static final String TEXT = "SELECT * FROM orders WHERE id = ?";
    private static final String JDK25 = "QUERYADVISOR_TEST_JDK25";

    /** No room for any text: every execution is untracked. */
    private final CallSiteSampler sampler = newSampler(new CaptureConfig(true, 32, EVERY, Duration.ofHours(1), 0, List.of(), List.of(),
            false));

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
        Path java = jdk25().resolve("bin").resolve("java");
        Path output = Files.createTempFile("virtual-thread-sampling", ".log");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                VirtualThreadSampling.class.getName(), String.valueOf(EXECUTIONS), String.valueOf(EVERY))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the child JVM ended").isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);

        assertThat(child.exitValue()).as(printed).isZero();
        int walks = Integer.parseInt(printed.lines().filter(line -> line.startsWith("walks="))
                .findFirst().orElseThrow(() -> new AssertionError("no walks= line in: " + printed)).substring(6));
        assertThat(walks).isBetween(50, 150);
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
