package io.queryadvisor.advisor.stats;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.execution;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.StatementType;

class StatementTallyTest {

    private static final Fingerprint FIND_ORDER = fingerprint("SELECT id FROM orders WHERE id = ?");
    private static final Fingerprint ADD_LINE = fingerprint("INSERT INTO order_lines (order_id) VALUES (?)");
    private static final long SLOW_NANOS = 100_000_000;

    private final StatementTally tally = new StatementTally(SLOW_NANOS);

    @Test
    void countsExecutionsAndTheirTimeByStatementType() {
        tally.onEvent(execution(FIND_ORDER).millis(2).build());
        tally.onEvent(execution(FIND_ORDER).millis(3).build());
        tally.onEvent(execution(ADD_LINE).millis(1).build());

        StatementTotals totals = tally.totals();

        assertThat(totals.of(StatementType.SELECT)).isEqualTo(new StatementTotals.Totals(2, 0, 0, 5_000_000));
        assertThat(totals.of(StatementType.INSERT)).isEqualTo(new StatementTotals.Totals(1, 0, 0, 1_000_000));
        assertThat(totals.of(StatementType.DELETE)).isEqualTo(StatementTotals.ZERO);
    }

    @Test
    void countsFailedStatementsApart() {
        tally.onEvent(execution(FIND_ORDER).failed("org.postgresql.util.PSQLException").build());
        tally.onEvent(execution(FIND_ORDER).build());

        assertThat(tally.totals().of(StatementType.SELECT).failed()).isEqualTo(1);
    }

    @Test
    void countsAsSlowOnlyStatementsLongerThanTheThreshold() {
        tally.onEvent(execution(FIND_ORDER).millis(100).build());
        tally.onEvent(execution(FIND_ORDER).millis(101).build());

        assertThat(tally.totals().of(StatementType.SELECT).slow()).isEqualTo(1);
    }

    @Test
    void keepsCountingWhateverHappensToTheTotalsAlreadyTaken() {
        tally.onEvent(execution(FIND_ORDER).build());
        StatementTotals before = tally.totals();
        tally.onEvent(execution(FIND_ORDER).build());

        assertThat(before.of(StatementType.SELECT).executions()).isEqualTo(1);
        assertThat(tally.totals().of(StatementType.SELECT).executions()).isEqualTo(2);
    }
}
