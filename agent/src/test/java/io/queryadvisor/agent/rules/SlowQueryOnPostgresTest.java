package io.queryadvisor.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.DOUBLE;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import com.example.shop.ProductCatalog;
import com.example.shop.ShopSchema;
import com.example.shop.SlowReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.slowquery.SlowQueryRule;
import io.queryadvisor.advisor.stats.CallSiteCount;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.SourceLines;
import io.queryadvisor.testing.TestSchema;

/** The slow-query rule on what an application runs through a HikariCP pool on PostgreSQL, captured by the agent. */
class SlowQueryOnPostgresTest {

    private static final Duration THRESHOLD = Duration.ofMillis(100);
    /** Half as long again as the threshold, so that timer granularity cannot put it under. */
    private static final Duration SLOW = Duration.ofMillis(150);

    private static TestSchema shop;

    // No JSON log lines: they would only clutter the test output. The fast queries are the only
    // statements of their test, so they take 100% of its time: whether their total crosses the
    // threshold (and makes them "dominant") depends on how loaded the machine is, so dominance is
    // judged only from more executions than a test here runs.
    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.with(Map.of(
            "rules.slow-query.threshold", THRESHOLD.toMillis() + "ms",
            "rules.slow-query.minExecutions", "1000",
            "rules.slow-query.logLimitPerSecond", "0"));

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(SlowQueryOnPostgresTest.class);
    }

    @Test
    void slowQueryIsFound() throws SQLException {
        new SlowReport(agent.pool(shop)).run(SLOW);

        String statement = SourceLines.callSite(SlowReport.class, "run", "call site of the slow statement");
        Recommendation finding = agent.onlyFinding(SlowQueryRule.ID);
        assertThat(finding.fingerprint()).containsIgnoringCase("pg_sleep");
        assertThat(finding.callSites()).extracting(CallSiteCount::callSite).containsExactly(statement);
        assertThat(finding.evidence())
                .containsEntry("executions", 1L)
                .containsEntry("slowExecutions", 1L)
                .containsEntry("slowestCallSite", statement);
        assertThat(finding.evidence().get("slowestMillis")).asInstanceOf(DOUBLE)
                .isGreaterThanOrEqualTo((double) SLOW.toMillis());
    }
}
