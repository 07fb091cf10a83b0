package io.queryadvisor.advisor.stats;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.execution;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder;

class QueryEndpointsTest {

    private static final Fingerprint ORDERS = fingerprint("SELECT id FROM orders WHERE id = ?");

    private final QueryStatistics statistics = new QueryStatistics(100, 16);

    @Test
    void queryCarriesTheEndpointsThatRanItWithCountAndTime() {
        run(3, execution(ORDERS).inRequest(1, "GET /orders/{id}").millis(2));
        run(1, execution(ORDERS).thread("scheduling-4").millis(10));

        assertThat(only().endpoints()).containsExactly(
                new EndpointCount("GET /orders/{id}", 3, 6.0),
                new EndpointCount("no request: scheduling-*", 1, 10.0));
    }

    @Test
    void showsTheTenMostFrequentEndpointsAndTheRestAsOthers() {
        for (int i = 0; i < 12; i++) {
            run(i == 11 ? 50 : 1, execution(ORDERS).inRequest(i, "GET /e" + i));
        }

        List<EndpointCount> endpoints = only().endpoints();
        assertThat(endpoints).hasSize(EndpointTally.SHOWN + 1);
        assertThat(endpoints.get(0).endpoint()).isEqualTo("GET /e11");
        assertThat(endpoints.get(EndpointTally.SHOWN)).isEqualTo(new EndpointCount(EndpointCount.OTHERS, 2, 2.0));
    }

    @Test
    void followsABoundedNumberOfEndpointsPerQuery() {
        for (int i = 0; i < 1_000; i++) {
            run(1, execution(ORDERS).inRequest(i, "GET /e" + i));
        }

        List<EndpointCount> endpoints = only().endpoints();
        assertThat(endpoints).hasSize(EndpointTally.SHOWN + 1);
        assertThat(endpoints.get(EndpointTally.SHOWN).count()).isEqualTo(1_000 - EndpointTally.SHOWN);
    }

    private void run(int times, ObservedStatementBuilder execution) {
        for (int i = 0; i < times; i++) {
            statistics.onEvent(execution.build());
        }
    }

    private QueryStats only() {
        assertThat(statistics.snapshot()).hasSize(1);
        return statistics.snapshot().get(0);
    }
}
