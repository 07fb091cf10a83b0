package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.rules.Severity;
import io.queryadvisor.advisor.rules.engine.RuleRegistry;
import io.queryadvisor.dashboard.metrics.PrometheusMetrics;
import io.queryadvisor.dashboard.metrics.PrometheusText;

/** {@code GET /metrics}: the agent's own meters, after a known workload through a real advisor. */
class MetricsApiTest {

    private static final CallSite DAO = QueriesApiTest.FIND_CUSTOMER;

    private final RunningDashboard dashboard = new RunningDashboard();

    @AfterEach
    void close() {
        dashboard.close();
    }

    @Test
    void answersInThePrometheusTextFormat() {
        HttpResponse<String> response = dashboard.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(PrometheusText.parse(response.body())).containsKeys("queryadvisor_statements_total",
                "queryadvisor_statement_time_seconds", "queryadvisor_findings", "queryadvisor_events_dropped_total");
    }

    @Test
    void countsStatementsAndTheirTimeByType() {
        dashboard.executed(QueriesApiTest.CUSTOMER_SQL, 2, DAO).executed(QueriesApiTest.CUSTOMER_SQL, 3, DAO)
                .executed("INSERT INTO customer (id, name) VALUES (?, ?)", 5, DAO).processed();

        Metrics metrics = scrape();

        assertThat(metrics.value("queryadvisor_statements_total", "type", "select")).isEqualTo(2);
        assertThat(metrics.value("queryadvisor_statements_total", "type", "insert")).isEqualTo(1);
        assertThat(metrics.value("queryadvisor_statements_total", "type", "delete")).isZero();
        assertThat(metrics.value("queryadvisor_statement_time_seconds_count", "type", "select")).isEqualTo(2);
        assertThat(metrics.value("queryadvisor_statement_time_seconds_sum", "type", "select")).isEqualTo(0.005);
    }

    @Test
    void countsStatementsSlowerThanTheSlowQueryThreshold() {
        dashboard.executed(QueriesApiTest.CUSTOMER_SQL, 150, DAO).executed(QueriesApiTest.CUSTOMER_SQL, 2, DAO)
                .processed();

        assertThat(scrape().value("queryadvisor_statements_slow_total", "type", "select")).isEqualTo(1);
    }

    @Test
    void countsTheStandingFindingsByRuleAndSeverity() {
        dashboard.executed("SELECT * FROM customer", 2, DAO).processed();

        Metrics metrics = scrape();

        double selectStar = 0;
        for (Severity severity : Severity.values()) {
            selectStar += metrics.value("queryadvisor_findings", "rule", "select-star", "severity", severity.label());
        }
        assertThat(selectStar).isEqualTo(1);
        assertThat(metrics.value("queryadvisor_findings", "rule", "n-plus-one", "severity", "high")).isZero();
    }

    @Test
    void exportsEveryRuleAndSeverityFromTheStart() {
        List<PrometheusText.Sample> findings = scrape().family("queryadvisor_findings").samples();

        assertThat(findings).hasSize(RuleRegistry.ids().size() * Severity.values().length);
    }

    @Test
    void reportsTheFingerprintsKeptAndTheTextsTheCacheKnew() {
        dashboard.executed(QueriesApiTest.CUSTOMER_SQL, 1, DAO).executed(QueriesApiTest.CUSTOMER_SQL, 1, DAO)
                .executed(QueriesApiTest.ORDERS_SQL, 1, DAO).processed();

        Metrics metrics = scrape();

        assertThat(metrics.value("queryadvisor_fingerprints")).isEqualTo(2);
        assertThat(metrics.value("queryadvisor_fingerprint_cache_total", "result", "miss")).isEqualTo(2);
        assertThat(metrics.value("queryadvisor_fingerprint_cache_total", "result", "hit")).isEqualTo(1);
        assertThat(metrics.value("queryadvisor_events_dropped_total")).isZero();
    }

    @Test
    void countsTheParsesDeferredForWantOfParseBudget() {
        try (RunningDashboard noParseBudget = new RunningDashboard(
                Settings.fromStrings(Map.of("advisor.parseMillisPerSecond", "0"), "test"))) {
            noParseBudget.executed(QueriesApiTest.CUSTOMER_SQL, 1, DAO).executed(QueriesApiTest.ORDERS_SQL, 1, DAO)
                    .processed();

            assertThat(scrape(noParseBudget).value("queryadvisor_fingerprint_parses_deferred_total")).isEqualTo(2);
        }
    }

    @Test
    void exportsTheProbeCountersByFailureKind() {
        Metrics metrics = scrape();

        assertThat(metrics.value("queryadvisor_probe_requests_total")).isZero();
        assertThat(metrics.value("queryadvisor_probe_failures_total", "kind", "connection_failed")).isZero();
    }

    @Test
    void keepsItsSeriesBoundedUnderTenThousandDistinctSqlTexts() {
        dashboard.executed(QueriesApiTest.CUSTOMER_SQL, 1, DAO).processed();
        Set<String> before = scrape().series();

        for (int i = 0; i < 10_000; i++) {
            dashboard.executed("SELECT c" + i + " FROM t" + i + " WHERE id = " + i, 1, DAO);
            if (i % 1_000 == 999) {
                // in steps, with a guard against a hang only: 1,000 parses take well under a second
                dashboard.processed(Duration.ofMinutes(2));
            }
        }
        Metrics after = scrape();

        assertThat(after.value("queryadvisor_statements_total", "type", "select")).isEqualTo(10_001);
        assertThat(after.series()).isEqualTo(before);
        assertThat(after.labelNames()).isSubsetOf("type", "rule", "severity", "kind", "result", "pool");
    }

    @Test
    void answersHeadWithoutABody() {
        HttpResponse<String> response = dashboard.request("HEAD", "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PrometheusMetrics.CONTENT_TYPE);
    }

    private Metrics scrape() {
        return scrape(dashboard);
    }

    private static Metrics scrape(RunningDashboard dashboard) {
        HttpResponse<String> response = dashboard.get("/metrics");
        assertThat(response.statusCode()).as("GET /metrics: %s", response.body()).isEqualTo(200);
        return new Metrics(PrometheusText.parse(response.body()));
    }

    /** A parsed scrape, and the value of one series in it. */
    record Metrics(Map<String, PrometheusText.Family> families) {

        PrometheusText.Family family(String name) {
            assertThat(families).containsKey(name);
            return families.get(name);
        }

        /** The value of the sample {@code name} with exactly these labels (name, value, name, value...). */
        double value(String name, String... labels) {
            Map<String, String> wanted = new java.util.HashMap<>();
            for (int i = 0; i < labels.length; i += 2) {
                wanted.put(labels[i], labels[i + 1]);
            }
            List<PrometheusText.Sample> found = families.values().stream().flatMap(f -> f.samples().stream())
                    .filter(s -> s.name().equals(name) && s.labels().equals(wanted)).toList();
            assertThat(found).as("series %s%s", name, wanted).hasSize(1);
            return found.get(0).value();
        }

        /** Every series: its name and labels. */
        Set<String> series() {
            return families.values().stream().flatMap(f -> f.samples().stream())
                    .map(s -> s.name() + new java.util.TreeMap<>(s.labels())).collect(Collectors.toSet());
        }

        Set<String> labelNames() {
            Set<String> names = new HashSet<>();
            families.values().forEach(f -> f.samples().forEach(s -> names.addAll(s.labels().keySet())));
            return names;
        }
    }
}
