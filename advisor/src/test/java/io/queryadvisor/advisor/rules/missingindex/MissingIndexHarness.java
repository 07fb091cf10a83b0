package io.queryadvisor.advisor.rules.missingindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.probe.DatabaseConnector;
import io.queryadvisor.advisor.rules.Recommendation;

/**
 * A real advisor, its probe pointed at a real database, fed executions as the capture layer would
 * send them; the test waits for the rule's examinations (a guard against a hang, never a
 * measure of speed) and reads the findings.
 */
final class MissingIndexHarness implements AutoCloseable {

    static final String SOURCE = "pool";
    /** Far beyond any examination: the probe's own timeouts end each request within seconds. */
    private static final Duration GUARD = Duration.ofSeconds(60);

    private final Advisor advisor;

    /** Every query is worth examining at once; {@code settings} add to or override that. */
    MissingIndexHarness(String product, DatabaseConnector connector, String... settings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("rules.missing-index.minExecutions", "1");
        for (int i = 0; i < settings.length; i += 2) {
            values.put(settings[i], settings[i + 1]);
        }
        advisor = Advisor.start(AdvisorConfig.from(Settings.fromStrings(values, "test")));
        advisor.buffer().offer(new DatabaseIdentified(SOURCE, product, "test driver", "jdbc:test", System.nanoTime(),
                connector));
    }

    /** One execution of {@code sql} with these values, taking {@code millis}. */
    MissingIndexHarness ran(double millis, String sql, Object... binds) {
        long nanos = Math.round(millis * 1_000_000);
        assertThat(advisor.buffer().offer(new StatementExecuted(sql, StatementKind.QUERY, 1, binds.length, binds.length == 0
                ? 0 : java.util.Arrays.hashCode(binds), System.nanoTime(), nanos, 1, null, 1, 0, 1, "main", null, 0,
                List.of(), null, SOURCE, binds.clone()))).isTrue();
        return this;
    }

    /** Waits until {@code n} examinations have ended, found something or not (failures included). */
    MissingIndexHarness awaitExaminations(long n) {
        return await(h -> h.counter("examinations") + h.counter("examinationsFailed") >= n,
                n + " examinations ended");
    }

    /** Waits until the findings satisfy {@code condition}. */
    MissingIndexHarness awaitFindings(Predicate<List<Recommendation>> condition, String what) {
        return await(h -> condition.test(h.findings()), what);
    }

    private MissingIndexHarness await(Predicate<MissingIndexHarness> condition, String what) {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (!condition.test(this)) {
            assertThat(System.nanoTime()).as("%s within %s; counters %s, findings %s", what, GUARD,
                    advisor.health().rules().get(MissingIndexRule.ID), findings()).isLessThan(deadline);
            LockSupport.parkNanos(10_000_000);
        }
        return this;
    }

    long counter(String name) {
        Map<String, Long> counters = advisor.health().rules().get(MissingIndexRule.ID);
        return counters == null ? 0 : counters.getOrDefault(name, 0L);
    }

    /** The rule's findings as last published. */
    List<Recommendation> findings() {
        return advisor.recommendations().stream().filter(r -> r.rule().equals(MissingIndexRule.ID)).toList();
    }

    @Override
    public void close() {
        advisor.close();
    }
}
