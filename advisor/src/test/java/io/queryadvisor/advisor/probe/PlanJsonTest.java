package io.queryadvisor.advisor.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The probe's own reader of EXPLAIN's JSON: every JSON value, in document order, and a clear error for anything else. */
class PlanJsonTest {

    @Test
    void readsEveryKindOfValue() {
        Object value = PlanJson.parse(" {\"s\": \"x\", \"n\": -12.5e1, \"i\": 7, \"t\": true, \"f\": false,"
                + " \"z\": null, \"a\": [1, \"two\", {}], \"o\": {\"k\": []}} ");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "x");
        expected.put("n", -125.0);
        expected.put("i", 7.0);
        expected.put("t", true);
        expected.put("f", false);
        expected.put("z", null);
        expected.put("a", List.of(1.0, "two", Map.of()));
        expected.put("o", Map.of("k", List.of()));
        assertThat(value).isEqualTo(expected);
    }

    @Test
    void keepsTheFieldsInDocumentOrder() {
        // MariaDB's plan steps are fields of their block, and their order is the order they run in
        Map<String, Object> object = PlanJson.object(PlanJson.parse("{\"z\": 1, \"a\": 2, \"m\": 3}"));

        assertThat(object.keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void decodesEscapes() {
        // PostgreSQL quotes a mixed-case identifier: "Filter": "(\"Order\".total > 5)"
        assertThat(PlanJson.parse("\"(\\\"Order\\\".total > 5)\\n\\t\\\\ \\u00e9\\/\""))
                .isEqualTo("(\"Order\".total > 5)\n\t\\ é/");
    }

    @Test
    void givesAWholeNumbersTextWithoutAFraction() {
        assertThat(PlanJson.text(PlanJson.parse("2000"))).isEqualTo("2000");
        assertThat(PlanJson.text(PlanJson.parse("0.25"))).isEqualTo("0.25");
        assertThat(PlanJson.text(PlanJson.parse("[1]"))).isNull();
    }

    @Test
    void saysWhatAndWhereWhenTheTextIsNotJson() {
        assertThatThrownBy(() -> PlanJson.parse("[{\"Plan\": {\"Node Type\": \"Seq Scan\"}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unreadable EXPLAIN output: '}' expected at character 35 of 36");
        assertThatThrownBy(() -> PlanJson.parse("{\"a\": tru}")).hasMessageContaining("unexpected 't'");
        assertThatThrownBy(() -> PlanJson.parse("\"open")).hasMessageContaining("without its closing quote");
        assertThatThrownBy(() -> PlanJson.parse("[1] [2]")).hasMessageContaining("text after the value");
        assertThatThrownBy(() -> PlanJson.parse("\"\\x\"")).hasMessageContaining("unknown escape");
        assertThatThrownBy(() -> PlanJson.parse("\"\\u12\"")).hasMessageContaining("\\u escape");
        assertThatThrownBy(() -> PlanJson.parse("\"\\u-041\"")).hasMessageContaining("not four hex digits");
        assertThatThrownBy(() -> PlanJson.parse("")).hasMessageContaining("a value expected");
        assertThatThrownBy(() -> PlanJson.parse(null)).hasMessage("unreadable EXPLAIN output: none");
    }

    @Test
    void refusesNestingDeeperThanItsBoundInsteadOfOverflowingTheStack() {
        char[] open = new char[100_000];
        Arrays.fill(open, '[');

        assertThatThrownBy(() -> PlanJson.parse(new String(open)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested deeper than " + PlanJson.MAX_DEPTH + " levels");
    }

    @Test
    void readsNestingUpToItsBound() {
        String json = "[".repeat(PlanJson.MAX_DEPTH) + "]".repeat(PlanJson.MAX_DEPTH);

        assertThat(PlanJson.parse(json)).isInstanceOf(List.class);
    }

    @Test
    void aPlanReaderSaysSoWhenTheJsonHoldsNoPlan() {
        assertThatThrownBy(() -> PostgresPlanReader.read("[{\"Query\": 1}]"))
                .hasMessage("not a PostgreSQL JSON plan: no [0].Plan");
        assertThatThrownBy(() -> MySqlPlanReader.read("[]"))
                .hasMessage("not a MariaDB/MySQL JSON plan: no query_block");
    }
}
