package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RulesApiTest {

    private final RunningDashboard dashboard = new RunningDashboard();

    @AfterEach
    void close() {
        dashboard.close();
    }

    @Test
    void listsEveryRuleWithItsHelpAndWhetherItRuns() {
        HttpResponse<String> response = dashboard.get("/api/rules");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, JsonNode> byId = new HashMap<>();
        RunningDashboard.parse(response.body()).forEach(rule -> byId.put(rule.get("id").asText(), rule));
        assertThat(byId.get("n-plus-one").get("status").asText()).isEqualTo("running");
        assertThat(byId.get("n-plus-one").get("help").asText()).contains("unit of work");
        assertThat(byId.get("n-plus-one").get("kind").asText()).isEqualTo("QUERY");
        assertThat(byId.get("pool-saturation").get("status").asText()).isEqualTo("running");
        assertThat(byId.get("missing-index").get("status").asText()).isEqualTo("running");
        assertThat(byId.get("pool-saturation").get("kind").asText()).isEqualTo("CONNECTION");
    }
}
