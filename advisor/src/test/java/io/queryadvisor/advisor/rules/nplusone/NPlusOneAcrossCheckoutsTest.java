package io.queryadvisor.advisor.rules.nplusone;

import static io.queryadvisor.advisor.rules.nplusone.NPlusOneRuleTest.LINES;
import static io.queryadvisor.advisor.rules.nplusone.NPlusOneRuleTest.LINES_DAO;
import static io.queryadvisor.advisor.rules.nplusone.NPlusOneRuleTest.ORDERS;
import static io.queryadvisor.advisor.rules.nplusone.NPlusOneRuleTest.query;
import static io.queryadvisor.advisor.rules.testing.RuleWorkload.settings;
import static io.queryadvisor.advisor.rules.testing.UnitOfWorkScript.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.testing.UnitOfWorkScript;

/**
 * N+1 loops whose every iteration checks out a connection of its own, outside any request or
 * transaction (plain JDBC DAOs, {@code JdbcTemplate} without {@code @Transactional} in batch jobs and
 * schedulers): checkouts that follow one another closely on one thread are one unit of work.
 */
class NPlusOneAcrossCheckoutsTest {

    static final Fingerprint ALL_LINES = query("SELECT order_id, id FROM order_lines WHERE order_id = ANY(?)",
            "order_lines");

    private final NPlusOneRule rule = new NPlusOneRule(RuleSettings.defaults(NPlusOneRule.ID));
    private final UnitOfWorkScript app = new UnitOfWorkScript(rule);

    /** The orders in one checkout, then the lines of each in a checkout of its own, {@code pause} apart. */
    private static UnitOfWorkScript loopWithACheckoutPerRow(UnitOfWorkScript script, int rows, Duration pause) {
        script.connection(100).run(execution(ORDERS).rows(rows)).release();
        for (int row = 1; row <= rows; row++) {
            script.later(pause).connection(100 + row).run(execution(LINES).from(LINES_DAO)).release();
        }
        return script;
    }

    @Test
    void flagsLoopWhoseEveryIterationChecksOutItsOwnConnection() {
        Recommendation r = loopWithACheckoutPerRow(app, 10, Duration.ofMillis(2)).later(Duration.ofMillis(100)).only();

        assertThat(r.fingerprintId()).isEqualTo(LINES.id());
        assertThat(r.title()).isEqualTo("N+1: a query on order_lines runs in a loop over the rows of orders, up to 10"
                + " times per series of checkouts on one thread (in 1 series of checkouts on one thread)");
        assertThat(r.evidence())
                .containsEntry("unitsOfWork", 1L)
                .containsEntry("unitOfWorkKind", "series of checkouts on one thread")
                .containsEntry("maxRepetitions", 10L)
                .containsEntry("executionsInLoops", 10L)
                .containsEntry("sourceQuery", ORDERS.text())
                .containsEntry("sourceRowsRead", 10L);
    }

    @Test
    void judgesTheSeriesOnceItsThreadHasPausedLongerThanTheGap() {
        loopWithACheckoutPerRow(app, 10, Duration.ofMillis(2));
        assertThat(app.later(Duration.ofMillis(50)).recommendations()).isEmpty();

        assertThat(app.later(Duration.ofMillis(1)).recommendations()).hasSize(1);
        assertThat(rule.openUnits()).isZero();
    }

    @Test
    void judgesTheSeriesAtItsThreadsNextCheckoutAfterAPause() {
        loopWithACheckoutPerRow(app, 10, Duration.ofMillis(2)).later(Duration.ofSeconds(1))
                .connection(500).run(execution(ORDERS));

        // no Tick: the statement alone ends the series
        assertThat(rule.recommend(app.context())).hasSize(1);
    }

    @Test
    void ignoresAThreeIterationLoop() {
        loopWithACheckoutPerRow(app, 3, Duration.ofMillis(2)).later(Duration.ofSeconds(1));

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresTheSameLoopSplitByLongPauses() {
        loopWithACheckoutPerRow(app, 10, Duration.ofMillis(200)).later(Duration.ofSeconds(1));

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void readsTheGapFromSettings() {
        NPlusOneRule patient = new NPlusOneRule(settings(NPlusOneRule.ID, "threadGap", "500ms"));
        UnitOfWorkScript script = loopWithACheckoutPerRow(new UnitOfWorkScript(patient), 10, Duration.ofMillis(200));

        assertThat(script.later(Duration.ofSeconds(1)).recommendations()).hasSize(1);
    }

    @Test
    void aGapOfZeroKeepsEveryCheckoutApart() {
        NPlusOneRule apart = new NPlusOneRule(settings(NPlusOneRule.ID, "threadGap", "0"));
        UnitOfWorkScript script = loopWithACheckoutPerRow(new UnitOfWorkScript(apart), 10, Duration.ofMillis(2));

        assertThat(script.later(Duration.ofSeconds(1)).recommendations()).isEmpty();
    }

    @Test
    void rejectsAGapLongerThanTheUnitAge() {
        assertThatThrownBy(() -> new NPlusOneRule(settings(NPlusOneRule.ID, "threadGap", "2m")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queryadvisor.rules.n-plus-one.threadGap");
    }

    @Test
    void ignoresABatchInEachCheckout() {
        for (int i = 1; i <= 10; i++) {
            app.connection(i).run(execution(LINES).batch(50)).release();
        }

        assertThat(app.later(Duration.ofSeconds(1)).recommendations()).isEmpty();
    }

    @Test
    void ignoresOneQueryForAllKeys() {
        app.connection(1).run(execution(ORDERS).rows(10)).release()
                .connection(2).run(execution(ALL_LINES).rows(40)).release();

        assertThat(app.later(Duration.ofSeconds(1)).recommendations()).isEmpty();
    }

    @Test
    void keepsTheCheckoutsOfTwoThreadsApart() {
        // Two schedulers, 4 rows each, their checkouts interleaved: no loop of 8.
        for (int row = 1; row <= 4; row++) {
            app.thread(1).connection(row).run(execution(LINES)).release()
                    .thread(2).connection(100 + row).run(execution(LINES)).release();
        }

        assertThat(app.later(Duration.ofSeconds(1)).recommendations()).isEmpty();
    }

    @Test
    void keepsATransactionPerIterationApart() {
        // @Transactional on the method the loop calls: each iteration is a unit of work of its own.
        for (int row = 1; row <= 10; row++) {
            app.connection(row).transaction(1).run(execution(LINES)).release();
        }

        assertThat(app.later(Duration.ofSeconds(1)).recommendations()).isEmpty();
    }

    @Test
    void judgesACheckoutThatRunsItsOwnLoopAtItsRelease() {
        app.connection(1).run(execution(ORDERS).rows(6)).loop(6, LINES, LINES_DAO).release();

        assertThat(app.only().evidence()).containsEntry("unitOfWorkKind", "connection checkout");
    }

    @Test
    void staysBoundedUnderManyThreads() {
        NPlusOneRule small = new NPlusOneRule(settings(NPlusOneRule.ID, "maxOpenUnits", "100"));
        UnitOfWorkScript script = new UnitOfWorkScript(small);
        // 1,000 threads within 10 ms: every series still waits for its thread's next checkout
        for (int thread = 1; thread <= 1_000; thread++) {
            script.thread(thread).connection(thread).run(execution(LINES).millis(0.01)).release();
        }

        assertThat(small.openUnits()).isEqualTo(100);
        assertThat(small.unitsEvicted()).isEqualTo(900);
        assertThat(script.later(Duration.ofSeconds(1)).recommendations()).isEmpty();
        assertThat(small.openUnits()).isZero();
    }
}
