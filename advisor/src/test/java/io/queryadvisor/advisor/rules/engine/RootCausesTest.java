package io.queryadvisor.advisor.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Severity;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.slowquery.SlowQueryRule;

/** A statement both slow and in an N+1 loop: one problem, its root cause ranked first, both findings say so. */
class RootCausesTest {

    private static Recommendation finding(String rule, String fp, Severity severity, double impact, Map<String, Object> evidence) {
        return new Recommendation(Recommendation.idFor(rule, fp), rule, severity, rule + " title", fp, "SELECT ...",
                "SELECT ...", List.of(), evidence, Suggestion.text(rule + " advice."), impact);
    }

    private static List<Recommendation> sorted(Recommendation... findings) {
        List<Recommendation> all = new ArrayList<>(List.of(findings));
        all.sort(RuleEngine.ORDER);
        return all;
    }

    @Test
    void ranksTheLoopFirstWhenTheStatementIsSlowOnlyInSum() {
        Recommendation slow = finding("slow-query", "f1", Severity.HIGH, 900, Map.of("slowBecause", SlowQueryRule.DOMINANT));
        Recommendation loop = finding("n-plus-one", "f1", Severity.MEDIUM, 500, Map.of());

        List<Recommendation> linked = RootCauses.link(sorted(slow, loop));

        assertThat(linked).extracting(Recommendation::id).containsExactly("n-plus-one:f1", "slow-query:f1");
        assertThat(linked.get(0).severity()).as("the root cause is at least as severe as its symptom").isEqualTo(Severity.HIGH);
        assertThat(linked.get(0).evidence()).containsEntry("rootCauseOf", "slow-query:f1");
        assertThat(linked.get(0).suggestion().text()).startsWith("This loop is why the statement is slow in sum")
                .endsWith("n-plus-one advice.");
        assertThat(linked.get(1).evidence()).containsEntry("symptomOf", "n-plus-one:f1");
        assertThat(linked.get(1).suggestion().text()).startsWith("Slow only in sum: it runs in an N+1 loop (n-plus-one:f1)");
    }

    @Test
    void ranksTheStatementFirstWhenEachExecutionIsSlow() {
        Recommendation slow = finding("slow-query", "f1", Severity.LOW, 300, Map.of("slowBecause", SlowQueryRule.TYPICALLY_SLOW));
        Recommendation loop = finding("n-plus-one", "f1", Severity.HIGH, 2_000, Map.of());

        List<Recommendation> linked = RootCauses.link(sorted(loop, slow));

        assertThat(linked).extracting(Recommendation::id).containsExactly("slow-query:f1", "n-plus-one:f1");
        assertThat(linked.get(0).evidence()).containsEntry("rootCauseOf", "n-plus-one:f1");
        assertThat(linked.get(1).evidence()).containsEntry("symptomOf", "slow-query:f1");
        assertThat(linked.get(1).suggestion().text()).contains("Fix the statement first, then the loop.");
    }

    @Test
    void leavesFindingsAboutOtherStatementsAsTheyAre() {
        Recommendation slow = finding("slow-query", "f1", Severity.HIGH, 900, Map.of("slowBecause", SlowQueryRule.DOMINANT));
        Recommendation loop = finding("n-plus-one", "f2", Severity.MEDIUM, 500, Map.of());

        List<Recommendation> linked = RootCauses.link(sorted(slow, loop));

        assertThat(linked).containsExactly(slow, loop);
    }
}
