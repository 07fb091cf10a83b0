package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.queryadvisor.advisor.capture.RequestInfo;

class EndpointsApiTest {

    static final String CUSTOMER_SQL = QueriesApiTest.CUSTOMER_SQL;
    static final String ORDERS_SQL = QueriesApiTest.ORDERS_SQL;
    static final String GET_CUSTOMER = "GET /customers/{id}";

    private final RunningDashboard dashboard = new RunningDashboard();

    @AfterEach
    void close() {
        dashboard.close();
    }

    @Test
    void listsEachEndpointWithItsFiguresPerRequest() {
        for (long id = 1; id <= 3; id++) {
            RequestInfo request = new RequestInfo(id, GET_CUSTOMER);
            dashboard.executedIn(request, CUSTOMER_SQL, 2).executedIn(request, ORDERS_SQL, 3).completed(request);
        }
        dashboard.processed();

        JsonNode page = dashboard.getJson("/api/endpoints");

        assertThat(page.get("total").asInt()).isEqualTo(1);
        JsonNode endpoint = page.get("endpoints").get(0);
        assertThat(endpoint.get("endpoint").asText()).isEqualTo(GET_CUSTOMER);
        assertThat(endpoint.get("requests").asLong()).isEqualTo(3);
        assertThat(endpoint.get("statements").asLong()).isEqualTo(6);
        assertThat(endpoint.get("statementsPerRequestP50").asLong()).isEqualTo(2);
        assertThat(endpoint.get("dbMillisPerRequestP95").asDouble()).isEqualTo(5.0);
        assertThat(endpoint.get("errors").asLong()).isZero();
    }

    @Test
    void answersOnePageAndSaysHowManyEndpointsThereAre() {
        for (int i = 0; i < 5; i++) {
            dashboard.executedIn(new RequestInfo(i, "GET /e" + i), CUSTOMER_SQL, 10 - i);
        }
        dashboard.processed();

        JsonNode page = dashboard.getJson("/api/endpoints?limit=2&offset=1");

        assertThat(page.get("total").asInt()).isEqualTo(5);
        assertThat(page.get("endpoints")).hasSize(2);
        assertThat(page.get("endpoints").get(0).get("endpoint").asText()).isEqualTo("GET /e1");
    }

    @Test
    void oneEndpointAnswersWithTheQueriesItRan() {
        RequestInfo request = new RequestInfo(1, GET_CUSTOMER);
        dashboard.executedIn(request, CUSTOMER_SQL, 2).executedIn(request, ORDERS_SQL, 5)
                .executedIn(request, ORDERS_SQL, 5).executed("SELECT 1", 1, null).completed(request).processed();
        String id = dashboard.getJson("/api/endpoints").get("endpoints").get(0).get("id").asText();

        JsonNode detail = dashboard.getJson("/api/endpoints/" + id);

        assertThat(detail.get("endpoint").get("endpoint").asText()).isEqualTo(GET_CUSTOMER);
        assertThat(detail.get("queries")).hasSize(2);
        assertThat(detail.get("queries").get(0).get("fingerprint").asText()).isEqualTo(ORDERS_SQL);
        assertThat(detail.get("queries").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(detail.get("queries").get(0).get("totalMillis").asDouble()).isEqualTo(10.0);
    }

    @Test
    void unknownEndpointIsNotFound() {
        HttpResponse<String> response = dashboard.get("/api/endpoints/0123456789abcdef");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no such endpoint: 0123456789abcdef");
    }

    @Test
    void statementsOutsideRequestsAreAnEndpointNamedByTheirThread() {
        dashboard.executed(CUSTOMER_SQL, 1, null).processed();

        JsonNode endpoint = dashboard.getJson("/api/endpoints").get("endpoints").get(0);

        assertThat(endpoint.get("endpoint").asText()).isEqualTo("no request: main");
        assertThat(endpoint.get("requests").asLong()).isZero();
    }

    @Test
    void eachQueryNamesTheEndpointsThatRanIt() {
        RequestInfo request = new RequestInfo(1, GET_CUSTOMER);
        dashboard.executedIn(request, CUSTOMER_SQL, 2).executedIn(request, CUSTOMER_SQL, 2)
                .executed(CUSTOMER_SQL, 1, null).processed();

        JsonNode endpoints = dashboard.getJson("/api/queries").get("queries").get(0).get("endpoints");

        assertThat(endpoints).hasSize(2);
        assertThat(endpoints.get(0).get("endpoint").asText()).isEqualTo(GET_CUSTOMER);
        assertThat(endpoints.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(endpoints.get(0).get("totalMillis").asDouble()).isEqualTo(4.0);
        assertThat(endpoints.get(1).get("endpoint").asText()).isEqualTo("no request: main");
    }
}
