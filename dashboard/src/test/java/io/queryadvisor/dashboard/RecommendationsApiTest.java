package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecommendationsApiTest {

    private final RunningDashboard dashboard = new RunningDashboard();

    @AfterEach
    void close() {
        dashboard.close();
    }

    @Test
    void servesRecommendationsAsJsonArray() {
        for (int i = 0; i < 20; i++) {
            dashboard.executed(QueriesApiTest.ORDERS_SQL, 5, QueriesApiTest.FIND_CUSTOMER);
        }
        dashboard.processed();

        HttpResponse<String> response = dashboard.get("/api/recommendations");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(RunningDashboard.parse(response.body()).isArray()).isTrue();
    }
}
