package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.fingerprint.Fingerprinter;

class QueriesApiTest {

    static final CallSite FIND_CUSTOMER = new CallSite("com.shop.CustomerDao", "find", "CustomerDao.java", 42);
    static final CallSite SHOW_CUSTOMER = new CallSite("com.shop.CustomerPage", "show", "CustomerPage.java", 7);
    static final String CUSTOMER_SQL = "SELECT id, name FROM customer WHERE id = ?";
    static final String ORDERS_SQL = "SELECT id, total FROM orders WHERE customer_id = ?";
    /** Markup in a quoted identifier: a fingerprinter masks literals but keeps identifiers. */
    static final String MARKUP_SQL = "SELECT c.\"<script>alert(1)</script>\" FROM customer c";

    private final RunningDashboard dashboard = new RunningDashboard();

    @AfterEach
    void close() {
        dashboard.close();
    }

    @Test
    void servesQueriesAsJson() {
        dashboard.executed(CUSTOMER_SQL, 2, FIND_CUSTOMER).processed();

        HttpResponse<String> response = dashboard.get("/api/queries");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode snapshot = RunningDashboard.parse(response.body());
        assertThat(snapshot.get("takenAtEpochMillis").asLong()).isPositive();
        assertThat(snapshot.get("queries").isArray()).isTrue();
        assertThat(snapshot.get("health").isObject()).isTrue();
    }

    @Test
    void answersOnePageAndSaysHowManyQueriesThereAre() {
        for (int i = 0; i < 5; i++) {
            dashboard.executed("SELECT c" + i + " FROM customer", 10 - i, FIND_CUSTOMER);
        }
        dashboard.processed();

        JsonNode page = dashboard.getJson("/api/queries?limit=2&offset=1");

        assertThat(page.get("total").asInt()).isEqualTo(5);
        assertThat(page.get("queries")).hasSize(2);
        assertThat(page.get("queries").get(0).get("fingerprint").asText()).isEqualTo("SELECT c1 FROM customer");
    }

    @Test
    void capsTheListByDefault() {
        dashboard.executed(CUSTOMER_SQL, 1, FIND_CUSTOMER).processed();

        assertThat(dashboard.getJson("/api/queries").get("limit").asInt()).isEqualTo(DashboardServer.DEFAULT_QUERIES);
    }

    @Test
    void refusesALimitThatIsNotANumberInRange() {
        HttpResponse<String> response = dashboard.get("/api/queries?limit=0");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("limit must be a whole number from 1 to 5000");
    }

    @Test
    void countsExecutionsPerFingerprint() {
        dashboard.executed(CUSTOMER_SQL, 1, FIND_CUSTOMER).executed(CUSTOMER_SQL, 1, FIND_CUSTOMER)
                .executed(CUSTOMER_SQL, 1, FIND_CUSTOMER).executed(ORDERS_SQL, 1, FIND_CUSTOMER).processed();

        JsonNode queries = dashboard.getJson("/api/queries").get("queries");

        assertThat(query(queries, CUSTOMER_SQL).get("count").asLong()).isEqualTo(3);
        assertThat(query(queries, ORDERS_SQL).get("count").asLong()).isEqualTo(1);
    }

    @Test
    void givesTheNormalisedSqlOfEachFingerprint() {
        dashboard.executed("SELECT id, name\n  FROM customer   WHERE id = ?", 1, FIND_CUSTOMER)
                .executed(CUSTOMER_SQL, 1, FIND_CUSTOMER).processed();

        JsonNode queries = dashboard.getJson("/api/queries").get("queries");

        assertThat(queries).hasSize(1);
        assertThat(queries.get(0).get("fingerprint").asText()).isEqualTo(fingerprintOf(CUSTOMER_SQL));
    }

    @Test
    void listsCallSitesOfEachFingerprintMostFrequentFirst() {
        dashboard.executed(CUSTOMER_SQL, 1, SHOW_CUSTOMER).executed(CUSTOMER_SQL, 1, FIND_CUSTOMER)
                .executed(CUSTOMER_SQL, 1, FIND_CUSTOMER).processed();

        JsonNode callSites = query(dashboard.getJson("/api/queries").get("queries"), CUSTOMER_SQL).get("callSites");

        assertThat(callSites).hasSize(2);
        assertThat(callSites.get(0).get("callSite").asText()).isEqualTo("com.shop.CustomerDao.find(CustomerDao.java:42)");
        assertThat(callSites.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(callSites.get(1).get("callSite").asText()).isEqualTo("com.shop.CustomerPage.show(CustomerPage.java:7)");
        assertThat(callSites.get(1).get("count").asLong()).isEqualTo(1);
    }

    @Test
    void reportsTimesInMilliseconds() {
        dashboard.executed(CUSTOMER_SQL, 20, FIND_CUSTOMER).executed(CUSTOMER_SQL, 30, FIND_CUSTOMER).processed();

        JsonNode query = query(dashboard.getJson("/api/queries").get("queries"), CUSTOMER_SQL);

        assertThat(query.get("totalMillis").asDouble()).isCloseTo(50.0, within(0.001));
        assertThat(query.get("meanMillis").asDouble()).isCloseTo(25.0, within(0.001));
        assertThat(query.get("maxMillis").asDouble()).isCloseTo(30.0, within(0.001));
        assertThat(query.get("rows").asLong()).isEqualTo(2);
        assertThat(query.get("errors").asLong()).isZero();
    }

    @Test
    void sortsQueriesByTotalTimeDescending() {
        for (int i = 0; i < 5; i++) {
            dashboard.executed(CUSTOMER_SQL, 1, FIND_CUSTOMER);
        }
        dashboard.executed(ORDERS_SQL, 40, FIND_CUSTOMER).processed();

        JsonNode queries = dashboard.getJson("/api/queries").get("queries");

        assertThat(fingerprints(queries)).containsExactly(fingerprintOf(ORDERS_SQL), fingerprintOf(CUSTOMER_SQL));
    }

    @Test
    void reportsCaptureHealth() {
        dashboard.executed(CUSTOMER_SQL, 1, FIND_CUSTOMER).executed(CUSTOMER_SQL, 1, FIND_CUSTOMER)
                .executed(ORDERS_SQL, 1, FIND_CUSTOMER).processed();

        JsonNode health = dashboard.getJson("/api/queries").get("health");

        assertThat(health.get("statementsObserved").asLong()).isEqualTo(3);
        assertThat(health.get("eventsDropped").asLong()).isZero();
        assertThat(health.get("fingerprintsTracked").asInt()).isEqualTo(2);
        assertThat(health.get("fingerprintsEvicted").asLong()).isZero();
    }

    @Test
    void reportsTheParsesDeferredForWantOfParseBudget() {
        try (RunningDashboard noParseBudget = new RunningDashboard(
                Settings.fromStrings(Map.of("advisor.parseMillisPerSecond", "0"), "test"))) {
            noParseBudget.executed(CUSTOMER_SQL, 1, FIND_CUSTOMER).executed(ORDERS_SQL, 1, FIND_CUSTOMER).processed();

            JsonNode health = noParseBudget.getJson("/api/queries").get("health");

            assertThat(health.get("parsesDeferred").asLong()).isEqualTo(2);
        }
    }

    @Test
    void escapesMarkupInSqlText() {
        String expected = fingerprintOf(MARKUP_SQL);
        assertThat(expected).as("the fingerprinter must keep the markup for this test to mean anything")
                .contains("<script>alert(1)</script>");
        dashboard.executed(MARKUP_SQL, 1, FIND_CUSTOMER).processed();

        String body = dashboard.get("/api/queries").body();

        assertThat(body).doesNotContain("<script>").doesNotContain("</script>").contains("\\u003Cscript\\u003E");
        assertThat(RunningDashboard.parse(body).get("queries").get(0).get("fingerprint").asText()).isEqualTo(expected);
    }

    static String fingerprintOf(String sql) {
        return new Fingerprinter().fingerprint(sql).text();
    }

    private static JsonNode query(JsonNode queries, String sql) {
        String fingerprint = fingerprintOf(sql);
        for (JsonNode query : queries) {
            if (query.get("fingerprint").asText().equals(fingerprint)) {
                return query;
            }
        }
        throw new AssertionError("no query with fingerprint '" + fingerprint + "' in " + queries);
    }

    private static List<String> fingerprints(JsonNode queries) {
        List<String> texts = new ArrayList<>();
        queries.forEach(q -> texts.add(q.get("fingerprint").asText()));
        return texts;
    }
}
