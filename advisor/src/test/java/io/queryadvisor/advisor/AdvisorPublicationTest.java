package io.queryadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.Severity;
import io.queryadvisor.advisor.rules.Suggestion;

/**
 * Findings are published by the consumer and read without waiting for it: whatever a rule is
 * doing, a reader gets the last publication at once, and reading changes nothing.
 */
class AdvisorPublicationTest {

    /** A guard against a hang, far above what a read takes; no assertion depends on the machine's speed. */
    private static final Duration READ_GUARD = Duration.ofSeconds(5);

    private final CountDownLatch release = new CountDownLatch(1);
    private Advisor advisor;

    @AfterEach
    void close() {
        release.countDown();
        if (advisor != null) {
            advisor.close();
        }
    }

    @Test
    void findingsAreReadWhileARuleIsStuckOnAnEvent() throws InterruptedException {
        BlockingRule rule = new BlockingRule(true, false);
        advisor = start(rule);
        offer("SELECT 1");
        advisor.awaitIdle(READ_GUARD);
        List<Recommendation> before = advisor.recommendations();

        offer("SELECT 2 /* the rule blocks on this one */");
        assertThat(rule.blocked.await(10, TimeUnit.SECONDS)).isTrue();

        List<Recommendation> during = assertTimeoutPreemptively(READ_GUARD, () -> advisor.recommendations());
        assertThat(during).isEqualTo(before).extracting(Recommendation::rule).containsExactly("test-busy");
        assertTimeoutPreemptively(READ_GUARD, () -> advisor.report());
    }

    @Test
    void findingsAreReadWhileARuleIsStuckMakingThem() throws InterruptedException {
        BlockingRule rule = new BlockingRule(false, true);
        advisor = start(rule);
        offer("SELECT 1");
        assertThat(rule.blocked.await(10, TimeUnit.SECONDS)).isTrue();

        List<Recommendation> during = assertTimeoutPreemptively(READ_GUARD, () -> advisor.recommendations());
        assertThat(during).isEmpty(); // nothing was published yet; the reader is not made to wait for it
        assertTimeoutPreemptively(READ_GUARD, () -> advisor.snapshot());
    }

    @Test
    void readingFindingsNeverCallsIntoARule() {
        BlockingRule rule = new BlockingRule(false, false);
        advisor = start(rule);
        offer("SELECT 1");
        assertThat(advisor.awaitIdle(READ_GUARD)).isTrue();
        int calls = rule.recommendCalls.get();

        for (int i = 0; i < 100; i++) {
            advisor.recommendations();
            advisor.report();
        }

        assertThat(rule.recommendCalls.get()).isLessThanOrEqualTo(calls + 1); // at most one publication by a tick
    }

    @Test
    void rulesHearTheClockTick() throws InterruptedException {
        BlockingRule rule = new BlockingRule(false, false);
        advisor = start(rule);

        assertThat(rule.ticked.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void idlePublicationsAreAtMostOneInTwoHundredMilliseconds() throws InterruptedException {
        BlockingRule rule = new BlockingRule(false, false);
        advisor = start(rule);
        assertThat(advisor.awaitIdle(READ_GUARD)).isTrue();
        int before = rule.recommendCalls.get();
        long start = System.nanoTime();

        for (int i = 0; i < 10; i++) { // ten bursts, each followed by an idle moment
            offer("SELECT " + i);
            Thread.sleep(30);
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        // one per burst before; the bound holds however slow the machine, the test is sharp on a fast one
        assertThat(rule.recommendCalls.get() - before).isLessThanOrEqualTo(1 + (int) (elapsedMillis / 200));
    }

    @Test
    void whatIsProcessedIsPublishedWithoutAnyoneAsking() {
        BlockingRule rule = new BlockingRule(false, false);
        advisor = start(rule);

        offer("SELECT 1");

        long deadline = System.nanoTime() + READ_GUARD.toNanos();
        while (advisor.recommendations().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(advisor.recommendations()).extracting(Recommendation::rule).containsExactly("test-busy");
    }

    private Advisor start(Rule rule) {
        return Advisor.start(AdvisorConfig.defaults(), List.of(), List.of(rule));
    }

    private void offer(String sql) {
        assertThat(advisor.buffer().offer(new StatementExecuted(sql, StatementKind.QUERY, 1, 0, 0, System.nanoTime(),
                1_000, 1, null, 1, 0, 1, "main", null, 0, List.of(), null, "pool", null))).isTrue();
    }

    /** A rule that can be made to block in onEvent or in recommend, until the test releases it. */
    private final class BlockingRule implements Rule {
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch ticked = new CountDownLatch(1);
        final AtomicInteger recommendCalls = new AtomicInteger();
        private final boolean blockOnSecondStatement;
        private final boolean blockInRecommend;
        private int statements;

        BlockingRule(boolean blockOnSecondStatement, boolean blockInRecommend) {
            this.blockOnSecondStatement = blockOnSecondStatement;
            this.blockInRecommend = blockInRecommend;
        }

        @Override
        public RuleDescriptor descriptor() {
            return new RuleDescriptor("test-busy", "Busy", "none", RuleDescriptor.Kind.QUERY, "blocks when told");
        }

        @Override
        public void onEvent(CaptureEvent event) {
            if (event instanceof Tick) {
                ticked.countDown();
            }
            if (event instanceof ObservedStatement && ++statements == 2 && blockOnSecondStatement) {
                block();
            }
        }

        @Override
        public List<Recommendation> recommend(RuleContext context) {
            recommendCalls.incrementAndGet();
            if (blockInRecommend && statements > 0) {
                block();
            }
            return statements == 0 ? List.of() : List.of(new Recommendation("test-busy:x", "test-busy",
                    Severity.LOW, "seen", null, null, null, List.of(),
                    Map.of(), Suggestion.text("none"), 0));
        }

        private void block() {
            blocked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
