package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The advisor's parse time per second, on a clock the test moves. */
class ParseBudgetTest {

    private final AtomicLong clock = new AtomicLong();
    private final ParseBudget budget = new ParseBudget(100, clock::get);

    @Test
    void grantsWhatIsLeftOfTheSecondUpToTheAskedBound() {
        assertThat(budget.grant(500)).isEqualTo(100);
        spend(70);

        assertThat(budget.grant(500)).isEqualTo(30);
        assertThat(budget.grant(10)).isEqualTo(10);
    }

    @Test
    void grantsNothingOnceTheSecondsBudgetIsSpentAndCountsTheRefusal() {
        budget.grant(500);
        spend(100);

        assertThat(budget.grant(500)).isZero();
        assertThat(budget.denied()).isEqualTo(1);
    }

    @Test
    void grantsAgainInTheNextSecond() {
        budget.grant(500);
        spend(100);
        advance(1_000);

        assertThat(budget.grant(500)).isEqualTo(100);
    }

    @Test
    void anOverrunIsPaidForFromTheNextSeconds() {
        budget.grant(500);
        spend(250); // the watchdog stopped a parse late

        advance(1_000);
        assertThat(budget.grant(500)).isZero();
        advance(1_000);
        assertThat(budget.grant(500)).isEqualTo(50);
    }

    private void spend(long millis) {
        long start = budget.now();
        advance(millis);
        budget.charge(start);
    }

    private void advance(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
