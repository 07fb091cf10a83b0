package io.queryadvisor.e2e;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.assertj.core.api.SoftAssertions;

import com.fasterxml.jackson.databind.JsonNode;

import io.queryadvisor.e2e.app.ExpectedQuery;

/**
 * Checks a {@code /api/queries} snapshot against a known workload: exact counts per fingerprint,
 * consistent timings, rows, and call sites in the application's code.
 */
final class WorkloadAssertions {

    /** Every table and alias of the known workload starts so; nothing else in the snapshot does. */
    private static final String WORKLOAD_PREFIX = "e2e_";

    private WorkloadAssertions() {
    }

    /** Whether every expected fingerprint has reached its count: the snapshot is worth asserting on. */
    static boolean reached(JsonNode snapshot, List<ExpectedQuery> expected) {
        return expected.stream().allMatch(e -> matching(snapshot, e).stream()
                .anyMatch(q -> q.path("count").asLong() >= e.count()));
    }

    /** Asserts everything at once and, on failure, shows the snapshot and the child's output. */
    static void assertMatches(JsonNode snapshot, List<ExpectedQuery> expected, String childOutputTail) {
        SoftAssertions softly = new SoftAssertions();
        expected.forEach(e -> assertFingerprint(softly, snapshot, e));
        assertNothingElse(softly, snapshot, expected);
        JsonNode health = snapshot.path("health");
        softly.assertThat(health.path("eventsDropped").isNumber()).as("health.eventsDropped present").isTrue();
        softly.assertThat(health.path("eventsDropped").asLong()).as("health.eventsDropped").isZero();
        try {
            softly.assertAll();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- /api/queries ---\n" + DashboardClient.pretty(snapshot)
                    + "\n" + childOutputTail, e);
        }
    }

    private static void assertFingerprint(SoftAssertions softly, JsonNode snapshot, ExpectedQuery e) {
        String name = e.type() + " on " + e.marker();
        List<JsonNode> found = matching(snapshot, e);
        softly.assertThat(found).as("fingerprints of the %s statements (one expected)", name).hasSize(1);
        if (found.size() != 1) {
            return;
        }
        JsonNode q = found.get(0);
        softly.assertThat(q.path("count").asLong()).as("%s: count", name).isEqualTo(e.count());
        softly.assertThat(q.path("errors").asLong()).as("%s: errors", name).isEqualTo(e.errors());
        softly.assertThat(q.path("rows").asLong()).as("%s: rows", name).isEqualTo(e.rows());
        softly.assertThat(q.path("batchedStatements").asLong()).as("%s: batchedStatements", name)
                .isEqualTo(e.batchedStatements());

        double p50 = q.path("p50Millis").asDouble();
        double p95 = q.path("p95Millis").asDouble();
        double p99 = q.path("p99Millis").asDouble();
        double max = q.path("maxMillis").asDouble();
        softly.assertThat(p50).as("%s: p50Millis", name).isPositive();
        softly.assertThat(new double[] {p50, p95, p99, max}).as("%s: p50 <= p95 <= p99 <= max", name).isSorted();

        // Below the sampler's first-N threshold every execution carries its call site.
        String site = "KnownWorkload." + e.method() + "(KnownWorkload.java:";
        JsonNode callSites = q.path("callSites");
        softly.assertThat(callSites.size()).as("%s: call sites", name).isPositive();
        long sampled = 0;
        for (JsonNode callSite : callSites) {
            softly.assertThat(callSite.path("callSite").asText()).as("%s: call site", name).contains(site);
            sampled += callSite.path("count").asLong();
        }
        softly.assertThat(sampled).as("%s: executions with a call site", name).isEqualTo(e.count());
    }

    /** No fingerprint of the workload's tables beyond the expected ones, and no execution counted twice. */
    private static void assertNothingElse(SoftAssertions softly, JsonNode snapshot, List<ExpectedQuery> expected) {
        List<String> unexpected = queries(snapshot)
                .filter(q -> fingerprint(q).contains(WORKLOAD_PREFIX))
                .filter(q -> expected.stream().noneMatch(e -> e.matches(q.path("fingerprint").asText(), type(q))))
                .map(q -> type(q) + ": " + q.path("fingerprint").asText())
                .toList();
        softly.assertThat(unexpected).as("fingerprints of the workload's tables that it did not expect").isEmpty();
    }

    private static List<JsonNode> matching(JsonNode snapshot, ExpectedQuery e) {
        return queries(snapshot).filter(q -> e.matches(q.path("fingerprint").asText(), type(q))).toList();
    }

    private static Stream<JsonNode> queries(JsonNode snapshot) {
        return StreamSupport.stream(snapshot.path("queries").spliterator(), false);
    }

    private static String fingerprint(JsonNode q) {
        return q.path("fingerprint").asText().toLowerCase(Locale.ROOT);
    }

    private static String type(JsonNode q) {
        return q.path("type").asText();
    }
}
