package io.queryadvisor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;


/**
 * The packaged Spring shop (Spring MVC on Tomcat, JPA), with the packaged agent, driven over HTTP
 * by its own traffic: its queries, findings and endpoints name the HTTP endpoints (routes with ids
 * collapsed) that ran them. samples/spring-shop/README.md lists the endpoints and their statements.
 */
class SpringShopEndpointsIT {

    private static final int ITERATIONS = 3;
    private static final String LINES_OF_ONE_ORDER = "FROM order_lines";

    private static JsonNode report;

    @BeforeAll
    static void runTheSpringShopWithTheAgent() throws IOException, InterruptedException {
        Path shopJar = PackagedApplication.jar("queryadvisor.e2e.springShopJar",
                "../samples/spring-shop/target/query-advisor-spring-shop.jar", "mvn -pl samples/spring-shop package");
        // Spring Boot starts in 15-40 s on an idle 2-core machine, and in minutes on a busy one
        report = PackagedApplication.runToReport("spring-shop-endpoints", Jdk.baseline(), shopJar,
                "dashboard.enabled=false", List.of("--schema", "e2e_spring_endpoints", "--port", "0",
                        "--iterations", String.valueOf(ITERATIONS), "--threads", "1"), Duration.ofMinutes(10));
    }

    @Test
    void aQueryNamesTheEndpointThatRanItWithItsExecutions() {
        // the lazy-loading N+1 of GET /orders?customer=...: 10 orders' lines, one statement each
        JsonNode lines = query(LINES_OF_ONE_ORDER, "order_id = ?");

        assertThat(lines.at("/endpoints/0/endpoint").asText()).isEqualTo("GET /orders");
        assertThat(lines.at("/endpoints/0/count").asLong()).isEqualTo(10L * ITERATIONS);
    }

    @Test
    void everyQueryOfTheTrafficNamesAnHttpEndpointOrItsThread() {
        for (JsonNode q : report.get("queries")) {
            assertThat(q.get("endpoints")).as("endpoints of %s", q.get("fingerprint")).isNotEmpty();
            q.get("endpoints").forEach(e -> assertThat(e.get("endpoint").asText())
                    .matches("(GET|POST) /.*|no request: .*"));
        }
    }

    @Test
    void findingsNameTheEndpointsOfTheirQueries() {
        JsonNode selectStar = finding("select-star", "FROM customers");
        assertThat(selectStar.at("/evidence/endpoints").asText()).isEqualTo("GET /customers/{id}/contact (" + ITERATIONS + ")");
        JsonNode nPlusOne = finding("n-plus-one", LINES_OF_ONE_ORDER);
        assertThat(nPlusOne.at("/evidence/endpoints").asText()).startsWith("GET /orders (");
    }

    @Test
    void listsEachEndpointWithItsRequestsAndStatementsPerRequest() {
        JsonNode orders = endpoint("GET /orders");
        assertThat(orders.get("requests").asLong()).isEqualTo(ITERATIONS);
        // README: 11 statements (the page of orders, then the lines of each of the 10)
        assertThat(orders.get("statementsPerRequestP50").asLong()).isEqualTo(11);
        assertThat(orders.get("dbMillisPerRequestP50").asDouble()).isPositive();
        assertThat(endpoint("GET /orders/with-lines").get("statementsPerRequestP95").asLong()).isEqualTo(2);
    }

    private static JsonNode query(String... parts) {
        for (JsonNode q : report.get("queries")) {
            String fingerprint = q.get("fingerprint").asText();
            if (List.of(parts).stream().allMatch(fingerprint::contains)) {
                return q;
            }
        }
        throw new AssertionError("no query with " + List.of(parts) + " in " + report.get("queries"));
    }

    private static JsonNode finding(String rule, String sqlPart) {
        for (JsonNode f : report.get("recommendations")) {
            if (f.get("rule").asText().equals(rule) && f.get("fingerprint").asText().contains(sqlPart)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " finding on " + sqlPart + " in " + report.get("recommendations"));
    }

    private static JsonNode endpoint(String name) {
        for (JsonNode e : report.get("endpoints")) {
            if (e.get("endpoint").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no endpoint " + name + " in " + report.get("endpoints"));
    }
}
