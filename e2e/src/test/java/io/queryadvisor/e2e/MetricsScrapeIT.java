package io.queryadvisor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.queryadvisor.dashboard.metrics.PrometheusText;
import io.queryadvisor.e2e.ChildOutput.Stream;
import io.queryadvisor.e2e.app.ExpectedQuery;
import io.queryadvisor.e2e.app.KnownWorkload;
import io.queryadvisor.e2e.app.KnownWorkloadApp;
import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestSchema;

/**
 * The packaged agent serves {@code GET /metrics} with its relocated Micrometer and Prometheus client,
 * and counts a known workload's statements by type there exactly as on {@code /api/queries}.
 */
class MetricsScrapeIT {

    @Test
    void servesTheKnownWorkloadsStatementCountsInPrometheusTextFormat() throws Exception {
        TestSchema schema = TestDatabase.shared().freshSchema("MetricsScrapeIT");
        try (ChildJvm child = ChildJvm.start("metrics-scrape", Jdk.baseline(),
                List.of(AgentJar.option("dashboard.port=0")), KnownWorkloadApp.class,
                List.of(schema.jdbcUrl(), schema.user(), schema.password()))) {
            // guards against a hang, far above the few seconds these take even on a busy machine
            String banner = child.awaitLine(Stream.STDERR, "dashboard line",
                    line -> line.startsWith("[query-advisor] dashboard:"), Duration.ofSeconds(90));
            child.awaitLine(Stream.STDOUT, "'WORKLOAD DONE'", "WORKLOAD DONE"::equals, Duration.ofSeconds(120));
            DashboardClient dashboard = DashboardClient.fromBanner(banner);
            dashboard.awaitQueries(s -> WorkloadAssertions.reached(s, KnownWorkload.expected()), Duration.ofSeconds(20));

            var response = dashboard.get("metrics");
            Map<String, PrometheusText.Family> metrics = PrometheusText.parse(response.body());

            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            for (String type : List.of("SELECT", "INSERT", "UPDATE", "DDL")) {
                assertThat(statements(metrics, type.toLowerCase())).as("statements of type %s\n%s", type, child.tail())
                        .isEqualTo(expectedCount(type));
            }
            assertThat(child.finishAndAwaitExit(Duration.ofSeconds(20))).as("exit status\n%s", child.tail()).isZero();
        }
    }

    private static double statements(Map<String, PrometheusText.Family> metrics, String type) {
        return metrics.get("queryadvisor_statements_total").samples().stream()
                .filter(s -> type.equals(s.labels().get("type"))).mapToDouble(PrometheusText.Sample::value).sum();
    }

    private static double expectedCount(String type) {
        return KnownWorkload.expected().stream().filter(q -> q.type().equals(type)).mapToLong(ExpectedQuery::count).sum();
    }
}
