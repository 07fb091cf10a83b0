package io.queryadvisor.advisor.rules.support;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.execution;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.fingerprint;
import static io.queryadvisor.advisor.rules.testing.RuleWorkload.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.selectstar.SelectStarRule;
import io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder;
import io.queryadvisor.advisor.rules.testing.RuleWorkload;
import io.queryadvisor.advisor.stats.QueryStats;

class FingerprintFindingTest {

    private static final Fingerprint ORDERS = ObservedStatementBuilder.starred("SELECT * FROM orders WHERE id = ?",
            List.of("orders"), List.of("orders"));

    @Test
    void evidenceNamesTheTopEndpointsOfItsQuery() {
        Recommendation finding = new RuleWorkload(new SelectStarRule(settings(SelectStarRule.ID)))
                .run(5, execution(ORDERS).inRequest(1, "GET /orders/{id}"))
                .run(3, execution(ORDERS).inRequest(2, "GET /cart"))
                .run(2, execution(ORDERS).inRequest(3, "GET /admin"))
                .run(1, execution(ORDERS).thread("scheduling-1"))
                .only();

        assertThat(finding.evidence()).containsEntry(FingerprintFinding.ENDPOINTS,
                "GET /orders/{id} (5), GET /cart (3), GET /admin (2), others (1)");
    }

    @Test
    void endpointsTheRuleNamedItselfAreKept() {
        RuleWorkload workload = new RuleWorkload(new SelectStarRule(settings(SelectStarRule.ID)))
                .run(2, execution(ORDERS).inRequest(1, "GET /orders/{id}"));
        QueryStats stats = workload.context().stats(ORDERS.id());

        Recommendation finding = FingerprintFinding.about("test", stats)
                .title("t").suggestion(Suggestion.text("s"))
                .evidence(FingerprintFinding.ENDPOINTS, "GET /loop (2)")
                .build(workload.context());

        assertThat(finding.evidence()).containsEntry(FingerprintFinding.ENDPOINTS, "GET /loop (2)");
    }

    @Test
    void queryRunOnlyOutsideRequestsSaysSo() {
        Fingerprint plain = fingerprint("SELECT id FROM orders");
        RuleWorkload workload = new RuleWorkload(new SelectStarRule(settings(SelectStarRule.ID)))
                .run(2, execution(plain).thread("pool-1-thread-3"));

        Recommendation finding = FingerprintFinding.about("test", workload.context().stats(plain.id()))
                .title("t").suggestion(Suggestion.text("s")).build(workload.context());

        assertThat(finding.evidence()).containsEntry(FingerprintFinding.ENDPOINTS, "no request: pool-*-thread-* (2)");
    }
}
