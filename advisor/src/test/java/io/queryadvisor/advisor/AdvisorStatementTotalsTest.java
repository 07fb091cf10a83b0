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
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.stats.StatementTotals;

/** The advisor publishes its statement totals, counting as slow what the slow-query threshold says. */
class AdvisorStatementTotalsTest {

    private Advisor advisor;

    @AfterEach
    void close() {
        advisor.close();
    }

    @Test
    void countsSlowStatementsByTheConfiguredSlowQueryThreshold() {
        advisor = start(Map.of("rules.slow-query.threshold", "10ms"));
        execute("SELECT id FROM orders", 5);
        execute("SELECT id FROM orders", 20);

        StatementTotals.Totals selects = advisor.statementTotals().of(StatementType.SELECT);

        assertThat(selects.executions()).isEqualTo(2);
        assertThat(selects.slow()).isEqualTo(1);
        assertThat(selects.totalNanos()).isEqualTo(25_000_000);
    }

    @Test
    void countsSlowStatementsWithTheSlowQueryRuleOff() {
        advisor = start(Map.of("rules.slow-query.enabled", "false"));
        execute("DELETE FROM orders WHERE id = 1", 150);

        assertThat(advisor.statementTotals().of(StatementType.DELETE).slow()).isEqualTo(1);
    }

    private static Advisor start(Map<String, String> settings) {
        return Advisor.start(AdvisorConfig.from(Settings.fromStrings(settings, "test")));
    }

    private void execute(String sql, long millis) {
        assertThat(advisor.buffer().offer(new StatementExecuted(sql, StatementKind.QUERY, 1, 0, 0, System.nanoTime(),
                millis * 1_000_000, 1, null, 1, 0, 1, "main", null, 0, List.of(), null, "pool", null))).isTrue();
        assertThat(advisor.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }
}
