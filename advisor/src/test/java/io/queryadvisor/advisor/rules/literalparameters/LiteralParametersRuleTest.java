package io.queryadvisor.advisor.rules.literalparameters;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.callSite;
import static io.queryadvisor.advisor.rules.testing.RuleWorkload.settings;
import static io.queryadvisor.advisor.rules.testing.UnitOfWorkScript.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.SqlFacts;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.engine.RuleRegistry;
import io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder;
import io.queryadvisor.advisor.rules.testing.UnitOfWorkScript;
import io.queryadvisor.advisor.stats.CallSiteCount;

class LiteralParametersRuleTest {

    static final Fingerprint ORDERS = withLiterals("SELECT id, total FROM orders WHERE customer_id = ?", 1, "orders");
    static final Fingerprint BY_IDS = withLiterals("SELECT id, name FROM products WHERE id IN (?)", 3, "products");
    static final Fingerprint SET_STATUS = withLiterals("UPDATE orders SET status = ? WHERE id = ?", 2, "orders");
    static final CallSite REPORT = callSite("com.shop.ReportDao", "ordersOf", 23);

    private final LiteralParametersRule rule = new LiteralParametersRule(
            RuleSettings.defaults(LiteralParametersRule.ID));
    private final UnitOfWorkScript app = new UnitOfWorkScript(rule);

    /** A fingerprint whose facts say it replaced {@code literals} literals. */
    static Fingerprint withLiterals(String text, int literals, String... tables) {
        Fingerprint f = ObservedStatementBuilder.fingerprint(text);
        return new Fingerprint(f.id(), f.text(), f.type(), true,
                new SqlFacts(false, List.of(), List.of(tables), literals, false, false));
    }

    private static UnitOfWorkScript.Execution ordersOf(int customer) {
        return execution(ORDERS).inlined("SELECT id, total FROM orders WHERE customer_id = " + customer).from(REPORT);
    }

    private UnitOfWorkScript customers(UnitOfWorkScript script, int from, int to) {
        for (int customer = from; customer <= to; customer++) {
            script.run(ordersOf(customer));
        }
        return script;
    }

    @Test
    void flagsAStatementSentAsManyTextsWithItsValuesInside() {
        Recommendation r = customers(app, 1, 25).only();

        assertThat(r.rule()).isEqualTo("literal-parameters");
        assertThat(r.id()).isEqualTo("literal-parameters:" + ORDERS.id());
        assertThat(r.title()).isEqualTo("Literals instead of binds: a statement on orders was sent as 25 different"
                + " texts, its values written into the SQL");
        assertThat(r.evidence())
                .containsEntry("distinctTexts", 25L)
                .containsEntry("executionsWithValuesInText", 25L)
                .containsEntry("shareOfExecutionsPercent", 100.0)
                .containsEntry("literalsPerStatement", 1L)
                .containsEntry("textMillis", 25.0)
                .containsEntry("callSites", "com.shop.ReportDao.ordersOf(ReportDao.java:23)")
                .doesNotContainKey("distinctTextsCountedUpTo");
        assertThat(r.callSites()).extracting(CallSiteCount::callSite)
                .containsExactly("com.shop.ReportDao.ordersOf(ReportDao.java:23)");
    }

    @Test
    void showsTheStatementWithItsValuesMaskedNeverATextWithValues() {
        Recommendation r = customers(app, 1, 25).only();

        assertThat(r.sql()).isEqualTo(ORDERS.text());
        assertThat(r.toString()).doesNotContain("customer_id = 7");
    }

    @Test
    void givesEvidenceInReadingOrder() {
        assertThat(List.copyOf(customers(app, 1, 20).only().evidence().keySet())).containsExactly("distinctTexts",
                "executionsWithValuesInText", "shareOfExecutionsPercent", "literalsPerStatement", "textMillis",
                "callSites", "endpoints");
    }

    @Test
    void ignoresALiteralThatNeverVaries() {
        for (int i = 0; i < 100; i++) {
            app.run(execution(SET_STATUS).inlined("UPDATE orders SET status = 'PAID' WHERE id = 1"));
        }

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresFewerDistinctTextsThanTheThreshold() {
        assertThat(customers(app, 1, 19).recommendations()).isEmpty();

        assertThat(customers(app, 20, 20).recommendations()).hasSize(1);
    }

    @Test
    void countsARepeatedTextOnce() {
        for (int round = 0; round < 3; round++) {
            customers(app, 1, 20);
        }

        assertThat(app.only().evidence()).containsEntry("distinctTexts", 20L)
                .containsEntry("executionsWithValuesInText", 60L);
    }

    @Test
    void ignoresAStatementThatBindsItsValues() {
        // IN lists of binds come as texts of many lengths: not values in the text
        for (int n = 1; n <= 30; n++) {
            app.run(execution(BY_IDS).prepared("SELECT id, name FROM products WHERE id IN ("
                    + "?, ".repeat(n - 1) + "?)"));
        }

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresTextsThatDifferWithoutLiterals() {
        Fingerprint now = withLiterals("SELECT now()", 0);
        for (int i = 0; i < 30; i++) {
            app.run(execution(now).inlined("SELECT now() /* request " + i + " */"));
        }

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresDdl() {
        Fingerprint ddl = new Fingerprint("ddl", "CREATE TABLE t (a varchar(?))", StatementType.DDL, true,
                new SqlFacts(false, List.of(), List.of("t"), 1, false, false));
        for (int i = 1; i <= 30; i++) {
            app.run(execution(ddl).inlined("CREATE TABLE t" + i + " (a varchar(" + i + "))"));
        }

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void showsTheShareOfExecutionsThatCarriedTheirValues() {
        customers(app, 1, 20);
        for (int i = 0; i < 20; i++) {
            app.run(execution(ORDERS));
        }

        assertThat(app.only().evidence()).containsEntry("shareOfExecutionsPercent", 50.0);
    }

    @Test
    void stopsCountingAtMaxTextsCounted() {
        UnitOfWorkScript capped = new UnitOfWorkScript(new LiteralParametersRule(
                settings(LiteralParametersRule.ID, "maxTextsCounted", "30")));

        Recommendation r = customers(capped, 1, 100).only();

        assertThat(r.evidence()).containsEntry("distinctTexts", 30L).containsEntry("distinctTextsCountedUpTo", 30L)
                .containsEntry("executionsWithValuesInText", 100L);
        assertThat(r.title()).contains("sent as 30+ different texts");
    }

    @Test
    void suggestsBindingTheValuesWithTheStatementRewritten() {
        Recommendation r = customers(app, 1, 20).only();

        assertThat(r.suggestion().text()).contains("Bind the values instead of writing them into the SQL",
                "sent 20 different texts", "parses and plans each of them anew", "prepareThreshold",
                "SQL injection", ":name", "JdbcTemplate");
        assertThat(r.suggestion().codeLanguage()).isEqualTo("java");
        assertThat(r.suggestion().code()).contains(
                "connection.prepareStatement(\"SELECT id, total FROM orders WHERE customer_id = ?\")",
                "ps.setObject(1, firstValue);", "ps.executeQuery()");
    }

    @Test
    void suggestsAnArrayForAnInListOnPostgreSql() {
        for (int i = 1; i <= 20; i++) {
            app.run(execution(BY_IDS).inlined("SELECT id, name FROM products WHERE id IN (" + i + ", " + (i + 1)
                    + ", " + (i + 2) + ")"));
        }

        assertThat(app.only().suggestion().text()).contains("An IN list takes one ? per value, or = ANY(?)");
    }

    @Test
    void speaksOfServerPreparedStatementsOnMySql() {
        Recommendation r = customers(app.database(Dialect.MYSQL), 1, 20).only();

        assertThat(r.suggestion().text()).contains("useServerPrepStmts=true").doesNotContain("prepareThreshold");
    }

    @Test
    void suggestsExecuteUpdateForAWrite() {
        for (int i = 1; i <= 20; i++) {
            app.run(execution(SET_STATUS).inlined("UPDATE orders SET status = 'PAID' WHERE id = " + i));
        }

        assertThat(app.only().suggestion().code()).contains("ps.executeUpdate();").doesNotContain("executeQuery");
    }

    @Test
    void rejectsMaxTextsCountedBelowTheThreshold() {
        assertThatThrownBy(() -> new LiteralParametersRule(settings(LiteralParametersRule.ID, "threshold", "50",
                "maxTextsCounted", "10")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queryadvisor.rules.literal-parameters.maxTextsCounted");
    }

    @Test
    void readsThresholdFromSettings() {
        UnitOfWorkScript strict = new UnitOfWorkScript(new LiteralParametersRule(
                settings(LiteralParametersRule.ID, "threshold", "5")));

        assertThat(customers(strict, 1, 5).recommendations()).hasSize(1);
    }

    @Test
    void staysBoundedUnderAFloodOfStatements() {
        LiteralParametersRule small = new LiteralParametersRule(settings(LiteralParametersRule.ID,
                "maxFingerprints", "10", "threshold", "2"));
        UnitOfWorkScript script = new UnitOfWorkScript(small);
        for (int table = 0; table < 1_000; table++) {
            Fingerprint fp = withLiterals("SELECT a FROM t" + table + " WHERE id = ?", 1, "t" + table);
            for (int id = 0; id < 3; id++) {
                script.run(execution(fp).inlined("SELECT a FROM t" + table + " WHERE id = " + id).millis(0.01));
            }
        }

        assertThat(small.fingerprintsTracked()).isEqualTo(10);
        assertThat(small.counters()).containsEntry("fingerprintsDropped", 990L);
        assertThat(script.recommendations()).hasSize(10);
    }

    @Test
    void isRegisteredUnderItsId() {
        assertThat(RuleRegistry.ids()).contains("literal-parameters");
        assertThat(RuleRegistry.enabledRules(Settings.empty())).anyMatch(r -> r instanceof LiteralParametersRule);
    }
}
