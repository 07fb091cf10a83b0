package io.queryadvisor.samples.shop.traffic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class TrafficLoopTest {

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final PrintStream errorOut = new PrintStream(errors, true, StandardCharsets.UTF_8);

    @Test
    void runsEveryIterationNumberExactlyOnceAcrossThreads() throws Exception {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        TrafficLoop loop = new TrafficLoop(seen::add, 4, TrafficLimit.ofIterations(500), new StopSignal(), errorOut);

        TrafficProgress result = loop.run();

        assertThat(result.iterations()).isEqualTo(500);
        assertThat(result.errors()).isZero();
        assertThat(seen).isEqualTo(LongStream.range(0, 500).boxed().collect(Collectors.toSet()));
    }

    @Test
    void countsFailedIterationsAndCarriesOn() throws Exception {
        TrafficIteration failsEveryTenth = index -> {
            if (index % 10 == 0) {
                throw new IllegalStateException("broken " + index);
            }
        };

        TrafficProgress result = new TrafficLoop(failsEveryTenth, 2, TrafficLimit.ofIterations(100), new StopSignal(), errorOut).run();

        assertThat(result.iterations()).isEqualTo(90);
        assertThat(result.errors()).isEqualTo(10);
    }

    @Test
    void printsTheFirstThreeFailuresOnly() throws Exception {
        TrafficIteration alwaysFails = index -> {
            throw new IllegalStateException("broken");
        };

        new TrafficLoop(alwaysFails, 1, TrafficLimit.ofIterations(10), new StopSignal(), errorOut).run();

        String printed = errors.toString(StandardCharsets.UTF_8);
        assertThat(printed.split("failed: java.lang.IllegalStateException: broken", -1)).hasSize(4);
        assertThat(printed).contains("further errors are counted, not printed");
    }

    @Test
    void endsWhenTheStopSignalIsRaised() throws Exception {
        StopSignal stop = new StopSignal();
        TrafficIteration stopsAtHundred = index -> {
            if (index == 100) {
                stop.raise();
            }
        };

        TrafficProgress result = new TrafficLoop(stopsAtHundred, 3, TrafficLimit.untilStopped(), stop, errorOut).run();

        assertThat(result.iterations()).isGreaterThanOrEqualTo(101);
        assertThat(result.errors()).isZero();
    }

    @Test
    void doesNotCountIterationsCutShortByTheStopAsErrors() throws Exception {
        StopSignal stop = new StopSignal();
        TrafficIteration dyingDatabase = index -> {
            if (index >= 5) {
                stop.raise();
                throw new IllegalStateException("connection closed");
            }
        };

        TrafficProgress result = new TrafficLoop(dyingDatabase, 1, TrafficLimit.untilStopped(), stop, errorOut).run();

        assertThat(result.iterations()).isEqualTo(5);
        assertThat(result.errors()).isZero();
    }

    @Test
    void endsAfterItsDuration() throws Exception {
        TrafficProgress result = new TrafficLoop(index -> { }, 2, TrafficLimit.ofDuration(Duration.ofMillis(200)), new StopSignal(), errorOut).run();

        assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(result.iterations()).isPositive();
    }
}
