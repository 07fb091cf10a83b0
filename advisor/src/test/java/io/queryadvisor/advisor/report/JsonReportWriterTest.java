package io.queryadvisor.advisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import org.junit.jupiter.api.Test;

/** The JSON report has the shape docs/REPORT-FORMAT.md documents, field by field. */
class JsonReportWriterTest {

    private static final List<String> RECOMMENDATION_FIELDS = List.of("id", "rule", "severity", "title",
            "fingerprintId", "fingerprint", "sql", "callSites", "evidence", "suggestion", "impactMillis");
    private static final List<String> QUERY_NUMBERS = List.of("count", "errors", "totalMillis", "meanMillis",
            "p50Millis", "p95Millis", "p99Millis", "maxMillis", "rows", "batchedStatements", "firstSeenEpochMillis",
            "lastSeenEpochMillis");
    private static final List<String> CAPTURE_NUMBERS = List.of("statementsObserved", "eventsDropped",
            "fingerprintsTracked", "fingerprintsEvicted", "fingerprintCacheHits", "fingerprintCacheMisses",
            "parsesDeferred", "listenerFailures");

    private final JsonNode json = parse(ReportFixture.write(new JsonReportWriter(), ReportFixture.report()));

    @Test
    void hasExactlyTheSevenTopLevelFields() {
        assertThat(fieldNames(json)).containsExactly("generatedAt", "application", "queries", "endpoints", "pools",
                "recommendations", "capture");
        assertThat(json.get("generatedAt").isTextual()).isTrue();
        assertThat(json.get("queries").isArray()).isTrue();
        assertThat(json.get("recommendations").isArray()).isTrue();
    }

    @Test
    void describesTheApplicationAndItsDatabases() {
        JsonNode app = json.get("application");
        assertThat(app.get("name").asText()).isEqualTo(ReportFixture.APP_NAME);
        assertThat(app.get("jvm").isTextual()).isTrue();
        JsonNode db = app.get("databases").get(0);
        assertThat(fieldNames(db)).containsExactly("source", "product", "driver", "url");
        assertThat(db.get("url").asText()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/shop");
    }

    @Test
    void everyRecommendationHasEveryFieldWithItsType() {
        JsonNode recommendations = json.get("recommendations");
        assertThat(recommendations).hasSize(3);
        for (JsonNode r : recommendations) {
            assertThat(fieldNames(r)).containsExactlyElementsOf(RECOMMENDATION_FIELDS);
            assertThat(r.get("id").isTextual()).isTrue();
            assertThat(r.get("rule").isTextual()).isTrue();
            assertThat(r.get("title").isTextual()).isTrue();
            assertThat(r.get("callSites").isArray()).isTrue();
            assertThat(r.get("evidence").isObject()).isTrue();
            assertThat(r.get("impactMillis").isNumber()).isTrue();
            assertThat(r.get("suggestion").isObject()).isTrue();
            assertThat(fieldNames(r.get("suggestion"))).containsExactly("text", "code", "codeLanguage");
            for (String nullable : List.of("fingerprintId", "fingerprint", "sql")) {
                assertThat(r.get(nullable).getNodeType()).isIn(JsonNodeType.STRING, JsonNodeType.NULL);
            }
        }
    }

    @Test
    void writesSeverityInLowerCase() {
        assertThat(json.get("recommendations").findValuesAsText("severity")).containsExactly("high", "medium", "low");
    }

    @Test
    void writesAbsentValuesAsNullRatherThanLeavingThemOut() {
        JsonNode workloadWide = json.get("recommendations").get(2);
        assertThat(workloadWide.get("fingerprintId").isNull()).isTrue();
        assertThat(workloadWide.get("suggestion").get("code").isNull()).isTrue();
        assertThat(workloadWide.get("suggestion").get("codeLanguage").isNull()).isTrue();
    }

    @Test
    void keepsEvidenceInItsOrderWithNumbersAsNumbers() {
        JsonNode evidence = json.get("recommendations").get(0).get("evidence");
        assertThat(fieldNames(evidence)).containsExactly("executions", "perRequest", "shareOfTimePercent", "example | value");
        assertThat(evidence.get("executions").isIntegralNumber()).isTrue();
        assertThat(evidence.get("shareOfTimePercent").asDouble()).isEqualTo(42.5);
    }

    @Test
    void everyQueryCarriesItsStatistics() {
        assertThat(json.get("queries")).hasSize(ReportFixture.QUERY_COUNT);
        for (JsonNode q : json.get("queries")) {
            assertThat(q.get("fingerprintId").isTextual()).isTrue();
            assertThat(q.get("fingerprint").isTextual()).isTrue();
            assertThat(q.get("type").asText()).isEqualTo("SELECT");
            QUERY_NUMBERS.forEach(name -> assertThat(q.get(name).isNumber()).as(name).isTrue());
            JsonNode site = q.get("callSites").get(0);
            assertThat(fieldNames(site)).containsExactly("callSite", "className", "methodName", "fileName", "lineNumber",
                    "count");
        }
    }

    @Test
    void everyEndpointCarriesItsFiguresPerRequest() {
        JsonNode endpoint = json.get("endpoints").get(0);
        assertThat(fieldNames(endpoint)).containsExactly("id", "endpoint", "requests", "statements", "errors",
                "totalMillis", "statementsPerRequestP50", "statementsPerRequestP95", "dbMillisPerRequestP50",
                "dbMillisPerRequestP95");
        assertThat(endpoint.get("endpoint").asText()).isEqualTo(ReportFixture.ENDPOINT);
        assertThat(endpoint.get("dbMillisPerRequestP95").asDouble()).isEqualTo(22.5);
    }

    @Test
    void everyPoolCarriesItsSettingsAndWhatItsGaugesAndCheckoutsCameTo() {
        JsonNode pool = json.get("pools").get(0);
        assertThat(fieldNames(pool)).containsExactly("name", "sampled", "settings", "secondsSampled", "maxActive",
                "maxWaiting", "secondsWithWaiting", "meanIdleShare", "acquisitions", "acquireP95Millis",
                "acquireMaxMillis", "holdP95Millis", "holdMaxMillis", "acquireFailures", "timeouts", "statements",
                "transactionsPerRequestP95");
        assertThat(fieldNames(pool.get("settings"))).containsExactly("maximumPoolSize", "minimumIdle",
                "connectionTimeoutMillis", "maxLifetimeMillis", "idleTimeoutMillis", "leakDetectionThresholdMillis");
        assertThat(pool.get("name").asText()).isEqualTo(ReportFixture.POOL);
        assertThat(pool.get("maxWaiting").asInt()).isEqualTo(4);
        assertThat(pool.get("holdP95Millis").asDouble()).isEqualTo(48.25);
        assertThat(json.get("pools").get(1).get("maxWaiting").asInt()).as("a driver does not say").isEqualTo(-1);
    }

    @Test
    void everyQueryNamesTheEndpointsThatRanIt() {
        JsonNode endpoints = json.get("queries").get(2).get("endpoints");
        assertThat(fieldNames(endpoints.get(0))).containsExactly("endpoint", "count", "totalMillis");
        assertThat(endpoints.get(0).get("endpoint").asText()).isEqualTo(ReportFixture.ENDPOINT);
    }

    @Test
    void reportsCaptureHealthAsNumbers() {
        JsonNode capture = json.get("capture");
        assertThat(fieldNames(capture)).containsExactlyElementsOf(
                java.util.stream.Stream.concat(CAPTURE_NUMBERS.stream(), java.util.stream.Stream.of("switchedOff", "rules"))
                        .toList());
        assertThat(capture.get("switchedOff").isArray()).isTrue();
        assertThat(capture.get("rules").isObject()).isTrue();
        CAPTURE_NUMBERS.forEach(name -> assertThat(capture.get(name).isIntegralNumber()).as(name).isTrue());
        assertThat(capture.get("eventsDropped").asLong()).isEqualTo(17);
    }

    @Test
    void keepsNastyStringsExactly() {
        assertThat(json.get("recommendations").get(1).get("title").asText()).isEqualTo(ReportFixture.SELECT_STAR_TITLE);
        assertThat(json.get("queries").findValuesAsText("fingerprint"))
                .contains(ReportFixture.SCRIPT_SQL, ReportFixture.BACKTICK_SQL, ReportFixture.UNICODE_SQL,
                        ReportFixture.MULTILINE_SQL);
    }

    @Test
    void readsBackIntoAReportThatWritesTheSame() throws IOException {
        String text = ReportFixture.write(new JsonReportWriter(), ReportFixture.report());
        Report read = Json.mapper().readValue(text, Report.class);
        assertThat(read.recommendations()).extracting(r -> r.severity().label()).containsExactly("high", "medium", "low");
        assertThat(ReportFixture.write(new JsonReportWriter(), read)).isEqualTo(text);
    }

    @Test
    void isPrettyPrinted() {
        String text = ReportFixture.write(new JsonReportWriter(), ReportFixture.report());
        assertThat(text).startsWith("{\n  \"generatedAt\"").endsWith("}\n");
    }

    @Test
    void leavesTheStreamOpenForItsCaller() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        new JsonReportWriter().write(ReportFixture.report(), out);
        assertThat(closed).isFalse();
        assertThat(out.size()).isPositive();
    }

    static JsonNode parse(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static List<String> fieldNames(JsonNode node) {
        assertThat(node.isObject()).as("an object: %s", node).isTrue();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
