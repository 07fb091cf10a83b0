package io.queryadvisor.advisor.rules.nplusone;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.callSite;
import static io.queryadvisor.advisor.rules.testing.RuleWorkload.settings;
import static io.queryadvisor.advisor.rules.testing.UnitOfWorkScript.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.SqlFacts;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.Severity;
import io.queryadvisor.advisor.rules.engine.RuleRegistry;
import io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder;
import io.queryadvisor.advisor.rules.testing.RuleWorkload;
import io.queryadvisor.advisor.rules.testing.UnitOfWorkScript;
import io.queryadvisor.advisor.stats.CallSiteCount;

class NPlusOneRuleTest {

    static final Fingerprint ORDERS = query("SELECT id, total FROM orders WHERE customer_id = ?", "orders");
    static final Fingerprint LINES =
            query("SELECT id, product_id, quantity FROM order_lines WHERE order_id = ?", "order_lines");
    static final Fingerprint ORDERS_WITH_LINES = query("SELECT o.id, l.product_id FROM orders o"
            + " JOIN order_lines l ON l.order_id = o.id WHERE o.customer_id = ?", "orders", "order_lines");
    static final Fingerprint SETTINGS = query("SELECT value FROM settings WHERE name = ?", "settings");
    static final CallSite LINES_DAO = callSite("com.shop.OrderDao", "findLines", 57);
    static final CallSite INVOICE = callSite("com.shop.InvoiceService", "print", 31);

    private final NPlusOneRule rule = new NPlusOneRule(RuleSettings.defaults(NPlusOneRule.ID));
    private final UnitOfWorkScript app = new UnitOfWorkScript(rule);

    static Fingerprint query(String text, String... tables) {
        Fingerprint f = ObservedStatementBuilder.fingerprint(text);
        return new Fingerprint(f.id(), f.text(), f.type(), true,
                new SqlFacts(false, List.of(), List.of(tables), 0, false, false));
    }

    @Test
    void flagsLoopOverParentRows() {
        Recommendation r = app.connection(1).run(execution(ORDERS).rows(10)).loop(10, LINES, LINES_DAO).release()
                .only();

        assertThat(r.rule()).isEqualTo("n-plus-one");
        assertThat(r.id()).isEqualTo("n-plus-one:" + LINES.id());
        assertThat(r.fingerprintId()).isEqualTo(LINES.id());
        assertThat(r.title()).isEqualTo("N+1: a query on order_lines runs in a loop over the rows of orders,"
                + " up to 10 times per connection checkout (in 1 connection checkout)");
        assertThat(r.callSites()).extracting(CallSiteCount::callSite).containsExactly("com.shop.OrderDao.findLines(OrderDao.java:57)");
        assertThat(r.evidence())
                .containsEntry("unitsOfWork", 1L)
                .containsEntry("unitOfWorkKind", "connection checkout")
                .containsEntry("loops", 1L)
                .containsEntry("maxRepetitions", 10L)
                .containsEntry("medianRepetitions", 10L)
                .containsEntry("executionsInLoops", 10L)
                .containsEntry("loopMillis", 10.0)
                .containsEntry("sourceQuery", ORDERS.text())
                .containsEntry("sourceRowsRead", 10L)
                .containsEntry("callSites", "com.shop.OrderDao.findLines(OrderDao.java:57)")
                // outside any request: the loop's thread says where it ran
                .containsEntry("endpoints", "no request: http-nio-*-exec-* (10)");
    }

    @Test
    void givesEvidenceInReadingOrder() {
        Recommendation r = app.run(execution(ORDERS).rows(10)).loop(10, LINES, LINES_DAO).release().only();

        assertThat(List.copyOf(r.evidence().keySet())).containsExactly("unitsOfWork", "unitOfWorkKind", "loops",
                "maxRepetitions", "medianRepetitions", "executionsInLoops", "loopMillis",
                "shareOfStatementTimePercent", "sourceQuery", "sourceRowsRead", "callSites", "endpoints");
    }

    @Test
    void ignoresSingleJoinQuery() {
        app.run(execution(ORDERS_WITH_LINES).rows(40)).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresIdenticalRepeats() {
        for (int i = 0; i < 10; i++) {
            app.run(execution(SETTINGS).binds(7));
        }
        app.release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresIdenticalRepeatsOfInlinedLiterals() {
        for (int i = 0; i < 10; i++) {
            app.run(execution(SETTINGS).inlined("SELECT value FROM settings WHERE name = 'currency'"));
        }
        app.release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void treatsDifferentInlinedLiteralsAsDifferentValues() {
        app.run(execution(ORDERS).rows(6));
        for (int order = 1; order <= 6; order++) {
            app.run(execution(LINES).inlined("SELECT id, product_id, quantity FROM order_lines WHERE order_id = "
                    + order));
        }
        app.release();

        assertThat(app.only().evidence()).containsEntry("executionsInLoops", 6L);
    }

    @Test
    void flagsLoopThatRepeatsSomeValues() {
        // The customer of each of 8 orders: 3 customers, loaded 8 times.
        app.run(execution(ORDERS).rows(8));
        for (long customer : new long[] {1, 2, 1, 3, 3, 1, 2, 2}) {
            app.run(execution(SETTINGS).binds(customer));
        }
        app.release();

        assertThat(app.only().evidence()).containsEntry("executionsInLoops", 8L);
    }

    @Test
    void ignoresBatch() {
        for (int i = 0; i < 10; i++) {
            app.run(execution(LINES).batch(1));
        }
        app.run(execution(LINES).batch(50)).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresWritesInALoop() {
        Fingerprint update = query("UPDATE order_lines SET quantity = ? WHERE id = ?", "order_lines");

        app.run(execution(ORDERS).rows(10)).loop(10, update, LINES_DAO).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresRepeatsBelowThreshold() {
        app.run(execution(ORDERS).rows(4)).loop(4, LINES, LINES_DAO).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void flagsLoopThatReachesTheThreshold() {
        app.run(execution(ORDERS).rows(5)).loop(5, LINES, LINES_DAO).release();

        assertThat(app.only().evidence()).containsEntry("executionsInLoops", 5L);
    }

    @Test
    void readsThresholdFromSettings() {
        UnitOfWorkScript strict = new UnitOfWorkScript(new NPlusOneRule(settings(NPlusOneRule.ID, "threshold", "3")));

        assertThat(strict.run(execution(ORDERS).rows(3)).loop(3, LINES, LINES_DAO).release().recommendations())
                .hasSize(1);
        assertThat(app.run(execution(ORDERS).rows(3)).loop(3, LINES, LINES_DAO).release().recommendations())
                .isEmpty();
    }

    @Test
    void rejectsMaxStatementsPerUnitBelowThreshold() {
        assertThatThrownBy(() -> new NPlusOneRule(settings(NPlusOneRule.ID, "threshold", "20",
                "maxStatementsPerUnit", "10")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queryadvisor.rules.n-plus-one.maxStatementsPerUnit");
    }

    @Test
    void doesNotAddUpAcrossUnitsOfWork() {
        app.connection(1).run(execution(ORDERS).rows(3)).loop(3, LINES, LINES_DAO).release()
                .connection(2).run(execution(ORDERS).rows(3)).loop(3, LINES, LINES_DAO).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void usesTransactionAsUnit() {
        // One checkout, two transactions of 3: no loop of 6.
        app.connection(1)
                .transaction(1).run(execution(ORDERS).rows(3)).loop(3, LINES, LINES_DAO)
                .transaction(2).run(execution(ORDERS).rows(3)).loop(3, LINES, LINES_DAO)
                .release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void endsTransactionWhenAnotherBeginsOnItsConnection() {
        app.connection(1)
                .transaction(1).run(execution(ORDERS).rows(6)).loop(6, LINES, LINES_DAO)
                .transaction(2).run(execution(ORDERS));

        Recommendation r = app.only();

        assertThat(r.evidence()).containsEntry("unitOfWorkKind", "transaction")
                .containsEntry("maxRepetitions", 6L);
    }

    @Test
    void waitsForTheUnitOfWorkToEnd() {
        app.run(execution(ORDERS).rows(10)).loop(10, LINES, LINES_DAO);

        assertThat(app.recommendations()).isEmpty();
        assertThat(app.release().recommendations()).hasSize(1);
    }

    @Test
    void namesEndpointForRequests() {
        // A request that checks out two connections, 3 lookups on each: one unit of work.
        app.request(7, "GET /customers/{id}/orders")
                .connection(1).run(execution(ORDERS).rows(6)).loop(3, LINES, LINES_DAO).release()
                .connection(2).loop(3, LINES, LINES_DAO).release();
        assertThat(app.recommendations()).isEmpty();

        Recommendation r = app.complete().only();

        assertThat(r.title()).endsWith("up to 6 times per request (in 1 request)");
        assertThat(r.evidence()).containsEntry("unitOfWorkKind", "request")
                .containsEntry("endpoints", "GET /customers/{id}/orders (1)")
                .containsEntry("maxRepetitions", 6L);
    }

    @Test
    void separatesLoopsFromDifferentCallSites() {
        app.run(execution(ORDERS).rows(3)).loop(3, LINES, LINES_DAO).loop(3, LINES, INVOICE).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void countsLoopsFromDifferentCallSitesApart() {
        Recommendation r = app.run(execution(ORDERS).rows(6))
                .loop(6, LINES, LINES_DAO).loop(3, LINES, null).loop(5, LINES, INVOICE).release()
                .only();

        assertThat(r.evidence()).containsEntry("loops", 2L)
                .containsEntry("unitsOfWork", 1L)
                .containsEntry("executionsInLoops", 14L)
                .containsEntry("callSites", "com.shop.OrderDao.findLines(OrderDao.java:57),"
                        + " com.shop.InvoiceService.print(InvoiceService.java:31)");
        assertThat(r.callSites()).extracting(CallSiteCount::callSite).containsExactly("com.shop.OrderDao.findLines(OrderDao.java:57)",
                "com.shop.InvoiceService.print(InvoiceService.java:31)");
    }

    @Test
    void attributesUnsampledExecutionsToTheLoopTheyBelongTo() {
        // Call sites are sampled: only one of these executions carries one.
        Recommendation r = app.run(execution(ORDERS).rows(8))
                .loop(3, LINES, null).loop(1, LINES, LINES_DAO).loop(4, LINES, null).release()
                .only();

        assertThat(r.evidence()).containsEntry("loops", 1L).containsEntry("executionsInLoops", 8L);
        assertThat(r.callSites()).extracting(CallSiteCount::callSite).containsExactly("com.shop.OrderDao.findLines(OrderDao.java:57)");
    }

    @Test
    void saysSoWhenNoLoopExecutionWasSampled() {
        Recommendation r = app.run(execution(LINES).from(LINES_DAO)).release()
                .run(execution(ORDERS).rows(6)).loop(6, LINES, null).release()
                .only();

        assertThat(r.evidence()).containsEntry("callSites", "not sampled in the loops");
        // The fingerprint's sampled call sites are the best lead there is.
        assertThat(r.callSites()).extracting(CallSiteCount::callSite).containsExactly("com.shop.OrderDao.findLines(OrderDao.java:57)");
    }

    @Test
    void findsSourceQueryWhoseResultIsReadWhileTheLoopRuns() {
        // while (orders.next()) { loadLines(...) }: the orders query is captured when its result closes.
        app.run(execution(SETTINGS));
        long ordersStart = app.nowNanos();
        app.later(Duration.ofMillis(1)).loop(6, LINES, LINES_DAO)
                .run(execution(ORDERS).rows(6).startedAt(ordersStart)).release();

        assertThat(app.only().evidence()).containsEntry("sourceQuery", ORDERS.text())
                .containsEntry("sourceRowsRead", 6L);
    }

    @Test
    void reportsMaxAndMedianRepetitionsOverUnits() {
        int[] loops = {5, 7, 20};
        for (int i = 0; i < loops.length; i++) {
            app.connection(i + 1).run(execution(ORDERS).rows(loops[i])).loop(loops[i], LINES, LINES_DAO).release();
        }

        Recommendation r = app.only();

        assertThat(r.title()).contains("up to 20 times per connection checkout (in 3 connection checkouts)");
        assertThat(r.evidence()).containsEntry("unitsOfWork", 3L)
                .containsEntry("maxRepetitions", 20L)
                .containsEntry("medianRepetitions", 7L)
                .containsEntry("executionsInLoops", 32L);
    }

    @Test
    void namesTheMostCommonSourceQuery() {
        app.connection(1).run(execution(SETTINGS)).loop(5, LINES, LINES_DAO).release();
        app.connection(2).run(execution(ORDERS).rows(5)).loop(5, LINES, LINES_DAO).release();
        app.connection(3).run(execution(ORDERS).rows(7)).loop(7, LINES, LINES_DAO).release();

        assertThat(app.only().evidence()).containsEntry("sourceQuery", ORDERS.text())
                .containsEntry("sourceRowsRead", 6L);
    }

    @Test
    void gradesSeverityByTheTimeSpentInLoops() {
        app.run(execution(ORDERS).rows(10).millis(50));
        for (int i = 0; i < 10; i++) {
            app.run(execution(LINES).millis(100));
        }
        Recommendation r = app.release().only();

        assertThat(r.impactMillis()).isEqualTo(1_000.0);
        assertThat(r.evidence()).containsEntry("shareOfStatementTimePercent", 95.2);
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void suggestsOneQueryForAllKeys() {
        Recommendation r = app.run(execution(ORDERS).rows(10)).loop(10, LINES, LINES_DAO).release().only();

        assertThat(r.suggestion().codeLanguage()).isEqualTo("sql");
        assertThat(r.suggestion().code())
                .isEqualTo("SELECT order_id, id, product_id, quantity FROM order_lines WHERE order_id = ANY(?)");
        assertThat(r.suggestion().text()).contains(
                "JOIN order_lines into the query the loop runs over (" + ORDERS.text(), "order_id = ANY(?)", "JOIN FETCH",
                "@EntityGraph", "hibernate.default_batch_fetch_size");
    }

    @Test
    void writesTheOneQueryInTheDialectOfTheDatabase() {
        Recommendation r = app.database(Dialect.MYSQL)
                .run(execution(ORDERS).rows(10)).loop(10, LINES, LINES_DAO).release().only();

        assertThat(r.suggestion().code())
                .isEqualTo("SELECT order_id, id, product_id, quantity FROM order_lines WHERE order_id IN (?, ?, ?)");
        assertThat(r.suggestion().text()).contains("order_id IN (?, ?, ...)").doesNotContain("ANY(");
    }

    @Test
    void explainsInWordsWhenTheStatementCannotBeRewritten() {
        Fingerprint twoKeys = query("SELECT id FROM order_lines WHERE order_id = ? AND status = ?", "order_lines");

        Recommendation r = app.run(execution(ORDERS).rows(5)).loop(5, twoKeys, LINES_DAO).release().only();

        assertThat(r.suggestion().code()).isNull();
        assertThat(r.suggestion().text()).contains("the key column = ANY(?)",
                "not rewritten here because its WHERE clause compares 2 columns with ? (order_id, status)");
    }

    @Test
    void rewritesTheKeyTheApplicationBindsNotTheLiteralsBesideIt() {
        Fingerprint openLines = query("SELECT id FROM order_lines WHERE order_id = ? AND status = ?", "order_lines");
        app.run(execution(ORDERS).rows(5));
        for (int i = 0; i < 5; i++) {
            app.run(execution(openLines).prepared("SELECT id FROM order_lines WHERE order_id = ? AND status = 'open'"));
        }

        Recommendation r = app.release().only();

        assertThat(r.suggestion().code())
                .isEqualTo("SELECT order_id, id FROM order_lines WHERE order_id = ANY(?) AND status = ?");
        assertThat(r.sql()).isEqualTo(openLines.text()).doesNotContain("open");
    }

    @Test
    void evaluatesUnitsThatNeverEnd() {
        // A connection held for the application's life: judged every maxStatementsPerUnit (1000) statements.
        app.run(execution(ORDERS).rows(10)).loop(10, LINES, LINES_DAO);
        for (int i = 0; i < 988; i++) {
            app.run(execution(SETTINGS).binds(1));
        }
        assertThat(app.recommendations()).isEmpty();

        app.run(execution(SETTINGS).binds(1));

        assertThat(app.only().evidence()).containsEntry("executionsInLoops", 10L);
        assertThat(rule.unitsEndedEarly()).isEqualTo(1);
    }

    @Test
    void evaluatesIdleUnitsOnceOlderThanMaxUnitAge() {
        app.run(execution(ORDERS).rows(10)).loop(10, LINES, LINES_DAO);
        assertThat(app.later(Duration.ofSeconds(59)).recommendations()).isEmpty();

        assertThat(app.later(Duration.ofSeconds(2)).recommendations()).hasSize(1);
        assertThat(rule.openUnits()).isZero();
    }

    @Test
    void readsMaxUnitAgeFromSettings() {
        NPlusOneRule quick = new NPlusOneRule(settings(NPlusOneRule.ID, "maxUnitAge", "5s"));
        UnitOfWorkScript script = new UnitOfWorkScript(quick);
        script.run(execution(ORDERS).rows(10)).loop(10, LINES, LINES_DAO).later(Duration.ofSeconds(6));

        assertThat(script.recommendations()).hasSize(1);
    }

    @Test
    void staysBoundedUnderManyUnits() {
        for (int connection = 1; connection <= 25_000; connection++) {
            app.connection(connection).run(execution(LINES).from(null));
        }

        assertThat(rule.openUnits()).isEqualTo(10_000);
        assertThat(rule.unitsEvicted()).isEqualTo(15_000);
        assertThat(rule.loopsTracked()).isEqualTo(10_000);
    }

    @Test
    void judgesEvictedUnitsAsTheyStand() {
        NPlusOneRule small = new NPlusOneRule(settings(NPlusOneRule.ID, "maxOpenUnits", "1"));
        UnitOfWorkScript script = new UnitOfWorkScript(small);

        script.connection(1).run(execution(ORDERS).rows(5)).loop(5, LINES, LINES_DAO)
                .connection(2).run(execution(ORDERS));

        assertThat(script.recommendations()).hasSize(1);
        assertThat(small.unitsEvicted()).isEqualTo(1);
    }

    @Test
    void staysBoundedUnderManyFingerprintsPerUnit() {
        NPlusOneRule small = new NPlusOneRule(settings(NPlusOneRule.ID, "maxFingerprintsPerUnit", "10",
                "maxTrackedLoops", "15"));
        UnitOfWorkScript script = new UnitOfWorkScript(small);
        for (int i = 0; i < 30; i++) {
            script.connection(1 + i % 2).run(execution(query("SELECT * FROM t" + i + " WHERE id = ?")));
        }

        assertThat(small.loopsTracked()).isEqualTo(15);
        assertThat(small.executionsNotGrouped()).isEqualTo(15);
        script.connection(1).release().connection(2).release();
        assertThat(small.loopsTracked()).isZero();
    }

    @Test
    void keepsFindingsOfAtMostMaxFingerprints() {
        NPlusOneRule small = new NPlusOneRule(settings(NPlusOneRule.ID, "maxFingerprints", "3"));
        UnitOfWorkScript script = new UnitOfWorkScript(small);
        script.run(execution(ORDERS).rows(5));
        for (int i = 0; i < 5; i++) {
            script.loop(5, query("SELECT * FROM t" + i + " WHERE id = ?"), INVOICE);
        }
        script.release();

        assertThat(small.fingerprintsTracked()).isEqualTo(3);
        assertThat(small.fingerprintsDropped()).isEqualTo(2);
        assertThat(script.recommendations()).hasSize(3);
    }

    @Test
    void isRegisteredUnderItsId() {
        assertThat(RuleRegistry.ids()).contains("n-plus-one");
        assertThat(RuleRegistry.enabledRules(Settings.empty())).anyMatch(r -> r instanceof NPlusOneRule);
    }
}
