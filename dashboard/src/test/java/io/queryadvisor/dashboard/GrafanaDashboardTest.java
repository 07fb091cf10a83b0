package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.queryadvisor.dashboard.metrics.PoolSnapshot;
import io.queryadvisor.dashboard.metrics.PrometheusText;

/** The Grafana dashboard in docs/grafana charts only what {@code GET /metrics} serves. */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of(System.getProperty("basedir", "."))
            .resolve("../docs/grafana/query-advisor.json").normalize();
    private static final Pattern METRIC = Pattern.compile("\\b(?:queryadvisor|hikaricp)_[a-z_]+\\b");

    private final RunningDashboard agent = new RunningDashboard(
            () -> List.of(new PoolSnapshot("HikariPool-1", 1, 1, 0, 2, 10, 2)));

    @AfterEach
    void close() {
        agent.close();
    }

    @Test
    void queriesOnlyMetricsTheAgentServes() throws IOException {
        Set<String> served = new TreeSet<>();
        PrometheusText.parse(agent.get("/metrics").body())
                .values().forEach(family -> family.samples().forEach(sample -> served.add(sample.name())));

        Set<String> queried = metricsQueriedBy(RunningDashboard.parse(Files.readString(DASHBOARD)));

        assertThat(queried).isNotEmpty();
        assertThat(served).as("metrics served by GET /metrics").containsAll(queried);
    }

    @Test
    void chartsThePoolGauges() throws IOException {
        Set<String> queried = metricsQueriedBy(RunningDashboard.parse(Files.readString(DASHBOARD)));

        assertThat(queried).contains("hikaricp_connections_active", "hikaricp_connections_idle",
                "hikaricp_connections_pending", "hikaricp_connections_max", "hikaricp_connections_acquire_seconds_sum");
    }

    /** The metric names in every query of the dashboard: its panels' and its variables'. */
    private static Set<String> metricsQueriedBy(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        dashboard.findValues("expr").forEach(expr -> collect(expr.asText(), names));
        dashboard.path("templating").path("list").forEach(variable -> collect(variable.path("definition").asText(), names));
        return names;
    }

    private static void collect(String query, Set<String> names) {
        Matcher m = METRIC.matcher(query);
        while (m.find()) {
            names.add(m.group());
        }
    }
}
