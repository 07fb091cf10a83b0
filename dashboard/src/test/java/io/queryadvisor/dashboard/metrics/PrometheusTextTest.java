package io.queryadvisor.dashboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The test parser is strict where Prometheus is: a test that uses it fails on what a scrape would reject. */
class PrometheusTextTest {

    @Test
    void readsFamiliesWithTheirTypeHelpLabelsAndValues() {
        Map<String, PrometheusText.Family> families = PrometheusText.parse("""
                # HELP orders_total Orders taken
                # TYPE orders_total counter
                orders_total{shop="a",kind="web"} 3.0
                orders_total{shop="b",kind="web",} 1e3 1700000000000
                # TYPE latency_seconds summary
                latency_seconds_count 2
                latency_seconds_sum 0.5
                # a plain comment
                up +Inf
                """);

        assertThat(families).containsOnlyKeys("orders_total", "latency_seconds", "up");
        PrometheusText.Family orders = families.get("orders_total");
        assertThat(orders.type()).isEqualTo("counter");
        assertThat(orders.help()).isEqualTo("Orders taken");
        assertThat(orders.samples()).extracting(PrometheusText.Sample::value).containsExactly(3.0, 1000.0);
        assertThat(orders.samples().get(1).labels()).isEqualTo(Map.of("shop", "b", "kind", "web"));
        assertThat(families.get("latency_seconds").samples()).hasSize(2);
        assertThat(families.get("up").samples().get(0).value()).isInfinite();
    }

    @Test
    void unescapesLabelValues() {
        PrometheusText.Sample sample = PrometheusText.parse("m{sql=\"a\\\"b\\\\c\\nd\"} 1\n").get("m").samples().get(0);

        assertThat(sample.labels().get("sql")).isEqualTo("a\"b\\c\nd");
    }

    @Test
    void rejectsAnUnknownEscape() {
        assertRejected("m{a=\"\\t\"} 1\n", "bad escape");
    }

    @Test
    void rejectsAnIllegalMetricName() {
        assertRejected("queryadvisor.statements 1\n", "not a metric name");
    }

    @Test
    void rejectsAValueThatIsNotAFloat() {
        assertRejected("m 1,5\n", "not a value");
    }

    @Test
    void rejectsAnUnquotedLabelValue() {
        assertRejected("m{a=b} 1\n", "not quoted");
    }

    @Test
    void rejectsTheSameSeriesTwice() {
        assertRejected("m{a=\"1\"} 1\nm{a=\"1\"} 2\n", "given twice");
    }

    @Test
    void rejectsATypeAfterTheFamilysSamples() {
        assertRejected("m 1\n# TYPE m gauge\n", "after its samples");
    }

    @Test
    void rejectsAFamilyWhoseLinesAreSplit() {
        assertRejected("a 1\nb 1\na{x=\"y\"} 1\n", "not together");
    }

    @Test
    void rejectsABucketWithoutItsBound() {
        assertRejected("# TYPE h histogram\nh_bucket 1\n", "without le");
    }

    @Test
    void rejectsAnExpositionThatDoesNotEndWithALineFeed() {
        assertRejected("m 1", "line feed");
    }

    private static void assertRejected(String text, String reason) {
        assertThatThrownBy(() -> PrometheusText.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
