package io.queryadvisor.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.dashboard.DashboardConfig;
import io.queryadvisor.dashboard.DashboardServer;

/** What the agent says at start about the dashboard it started. */
class QueryAdvisorAgentTest {

    private final Advisor advisor = Advisor.start(AdvisorConfig.defaults());

    @AfterEach
    void close() {
        advisor.close();
    }

    @Test
    void saysWhereALoopbackDashboardIsInOneLine() {
        try (DashboardServer server = DashboardServer.start(new DashboardConfig(true, "127.0.0.1", 0), advisor)) {
            assertThat(QueryAdvisorAgent.dashboardLines(server)).containsExactly("dashboard: " + server.url());
        }
    }

    @Test
    void warnsOnceOfAnExposedDashboardAndShowsTheTokenItMadeUpInTheStartLine() {
        try (DashboardServer server = DashboardServer.start(new DashboardConfig(true, "0.0.0.0", 0), advisor)) {
            assertThat(QueryAdvisorAgent.dashboardLines(server)).satisfiesExactly(
                    warning -> assertThat(warning).startsWith("WARNING the dashboard listens beyond loopback (every interface, port "
                            + server.port() + ")").doesNotContain(server.token()),
                    start -> assertThat(start).isEqualTo("dashboard: " + server.url() + "?token=" + server.token()));
        }
    }

    @Test
    void neverPrintsAConfiguredToken() {
        String token = "configured-token-0123456789";
        try (DashboardServer server = DashboardServer.start(new DashboardConfig(true, "0.0.0.0", 0, token), advisor)) {
            assertThat(QueryAdvisorAgent.dashboardLines(server)).hasSize(2).noneMatch(line -> line.contains(token))
                    .anyMatch(line -> line.contains("dashboard.token"));
        }
    }
}
