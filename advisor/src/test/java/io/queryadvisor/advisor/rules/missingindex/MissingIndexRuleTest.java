package io.queryadvisor.advisor.rules.missingindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.probe.LogRecorder;

/** When the rule asks the database nothing at all. */
class MissingIndexRuleTest {

    private static final Duration GUARD = Duration.ofSeconds(60);

    private static void run(Advisor advisor, String product) {
        advisor.buffer().offer(new DatabaseIdentified("pool", product, "driver", "jdbc:test", System.nanoTime(),
                () -> {
                    throw new AssertionError("the probe must not connect");
                }));
        for (int i = 0; i < 20; i++) {
            advisor.buffer().offer(new StatementExecuted("SELECT id FROM orders WHERE k = ?", StatementKind.QUERY, 1, 1,
                    i, System.nanoTime(), 50_000_000, 1, null, 1, 0, 1, "main", null, 0, List.of(), null, "pool",
                    new Object[] {i}));
        }
        assertThat(advisor.awaitIdle(GUARD)).isTrue();
    }

    @Test
    void saysOnceThatAnUnsupportedDatabaseGetsNoAdvice() {
        try (LogRecorder log = LogRecorder.attach();
             Advisor advisor = Advisor.start(AdvisorConfig.from(Settings.empty()))) {
            run(advisor, "H2 2.2.224");
            advisor.buffer().offer(new DatabaseIdentified("other", "H2 2.2.224", "driver", "jdbc:h2:mem:", System.nanoTime()));
            assertThat(advisor.awaitIdle(GUARD)).isTrue();

            assertThat(log.messagesContaining("gives no index advice")).hasSize(1);
            assertThat(advisor.probe().counters().submitted()).isZero();
            assertThat(advisor.recommendations()).noneMatch(r -> r.rule().equals(MissingIndexRule.ID));
        }
    }

    @Test
    void asksNothingWhenTheProbeIsOff() {
        try (Advisor advisor = Advisor.start(AdvisorConfig.from(Settings.fromStrings(Map.of("probe.enabled", "false"),
                "test")))) {
            run(advisor, "PostgreSQL 15");

            assertThat(advisor.health().rules().get(MissingIndexRule.ID)).containsEntry("examinations", 0L)
                    .containsEntry("examinationsFailed", 0L);
            assertThat(advisor.recommendations()).noneMatch(r -> r.rule().equals(MissingIndexRule.ID));
        }
    }
}
