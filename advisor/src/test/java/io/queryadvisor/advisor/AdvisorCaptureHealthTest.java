package io.queryadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.config.Settings;

/** The capture health the advisor publishes says how much of the picture its own bounds left out. */
class AdvisorCaptureHealthTest {

    private Advisor advisor;

    @AfterEach
    void close() {
        advisor.close();
    }

    @Test
    void countsTheParsesItDeferredOnceTheParseBudgetIsSpent() {
        advisor = start(Map.of("advisor.parseMillisPerSecond", "0")); // no parse time at all: every new shape waits
        execute("SELECT id FROM orders WHERE customer_id = 1");
        execute("SELECT name FROM customers WHERE id = 2");
        execute("UPDATE orders SET status = 'paid' WHERE id = 3");

        assertThat(advisor.health().parsesDeferred()).isEqualTo(3);
        assertThat(advisor.health().statementsObserved()).isEqualTo(3);
    }

    private static Advisor start(Map<String, String> settings) {
        return Advisor.start(AdvisorConfig.from(Settings.fromStrings(settings, "test")));
    }

    private void execute(String sql) {
        assertThat(advisor.buffer().offer(new StatementExecuted(sql, StatementKind.QUERY, 1, 0, 0, System.nanoTime(),
                1_000_000, 1, null, 1, 0, 1, "main", null, 0, List.of(), null, "pool", null))).isTrue();
        assertThat(advisor.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }
}
