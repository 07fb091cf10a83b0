package io.queryadvisor.advisor.stats;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.execution;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.fingerprint.Fingerprint;

/** Snapshots are kept between publications, and never outlive the next execution. */
class QuerySnapshotTest {

    private static final Fingerprint ORDERS = fingerprint("SELECT id FROM orders WHERE id = ?");

    private final QueryStatistics statistics = new QueryStatistics(100, 16);

    @Test
    void aQueryThatDidNotRunSinceTheLastSnapshotKeepsItsStatistics() {
        statistics.onEvent(execution(ORDERS).millis(2).build());

        QueryStats first = statistics.snapshot().get(0);
        assertThat(statistics.snapshot().get(0)).isSameAs(first);
    }

    @Test
    void anExecutionAfterASnapshotIsInTheNextOne() {
        statistics.onEvent(execution(ORDERS).millis(2).build());
        QueryStats first = statistics.snapshot().get(0);

        statistics.onEvent(execution(ORDERS).millis(40).build());

        QueryStats second = statistics.snapshot().get(0);
        assertThat(second.count()).isEqualTo(first.count() + 1);
        assertThat(second.maxMillis()).isEqualTo(40.0);
    }
}
