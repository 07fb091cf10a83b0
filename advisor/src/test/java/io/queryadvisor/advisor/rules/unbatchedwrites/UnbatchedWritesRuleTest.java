package io.queryadvisor.advisor.rules.unbatchedwrites;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.callSite;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.onTables;
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
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.engine.RuleRegistry;
import io.queryadvisor.advisor.rules.testing.UnitOfWorkScript;
import io.queryadvisor.advisor.stats.CallSiteCount;

class UnbatchedWritesRuleTest {

    static final Fingerprint INSERT_LINE = onTables(
            "INSERT INTO order_lines (order_id, product_id, quantity) VALUES (?, ?, ?)", "order_lines");
    static final Fingerprint INSERT_ORDER = onTables("INSERT INTO orders (customer_id) VALUES (?)", "orders");
    static final Fingerprint UPDATE_STOCK = onTables("UPDATE products SET stock = stock - ? WHERE id = ?", "products");
    static final Fingerprint PRODUCT = onTables("SELECT id, price FROM products WHERE id = ?", "products");
    static final CallSite IMPORT = callSite("com.shop.ImportJob", "saveLine", 88);

    private final UnbatchedWritesRule rule = new UnbatchedWritesRule(RuleSettings.defaults(UnbatchedWritesRule.ID));
    private final UnitOfWorkScript app = new UnitOfWorkScript(rule);

    private UnitOfWorkScript inserts(UnitOfWorkScript script, int rows) {
        return script.loop(rows, INSERT_LINE, IMPORT);
    }

    @Test
    void flagsInsertsRunRowByRowInATransaction() {
        Recommendation r = inserts(app.connection(1).transaction(1), 25).release().only();

        assertThat(r.rule()).isEqualTo("unbatched-writes");
        assertThat(r.id()).isEqualTo("unbatched-writes:" + INSERT_LINE.id());
        assertThat(r.title()).isEqualTo("Unbatched writes: INSERT into order_lines runs row by row, up to 25 statements"
                + " per transaction (in 1 transaction)");
        assertThat(r.evidence())
                .containsEntry("unitsOfWork", 1L)
                .containsEntry("unitOfWorkKind", "transaction")
                .containsEntry("runs", 1L)
                .containsEntry("maxStatementsInAUnit", 25L)
                .containsEntry("medianStatementsInAUnit", 25L)
                .containsEntry("statementsInRuns", 25L)
                .containsEntry("runMillis", 25.0)
                .containsEntry("shareOfStatementTimePercent", 100.0)
                .containsEntry("roundTripsSaved", 24L)
                .containsEntry("batchSize", 50L)
                .containsEntry("callSites", "com.shop.ImportJob.saveLine(ImportJob.java:88)");
        assertThat(r.callSites()).extracting(CallSiteCount::callSite)
                .containsExactly("com.shop.ImportJob.saveLine(ImportJob.java:88)");
    }

    @Test
    void givesEvidenceInReadingOrder() {
        Recommendation r = inserts(app.request(1, "POST /import"), 10).complete().only();

        assertThat(List.copyOf(r.evidence().keySet())).containsExactly("unitsOfWork", "unitOfWorkKind", "runs",
                "maxStatementsInAUnit", "medianStatementsInAUnit", "statementsInRuns", "runMillis",
                "shareOfStatementTimePercent", "roundTripsSaved", "batchSize", "endpoints", "callSites");
        assertThat(r.evidence()).containsEntry("endpoints", "POST /import (1)");
    }

    @Test
    void flagsARunThatReachesTheThreshold() {
        assertThat(inserts(app, 10).release().only().evidence()).containsEntry("statementsInRuns", 10L);
    }

    @Test
    void ignoresAFewInserts() {
        inserts(app, 9).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresARealBatch() {
        app.run(execution(INSERT_LINE).batch(50), execution(INSERT_LINE).batch(50));
        for (int i = 0; i < 20; i++) {
            app.run(execution(INSERT_LINE).batch(1));
        }
        app.release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresInsertsIntoTwoTablesInterleaved() {
        // each line needs the id its order's INSERT generated: not one statement in a row
        for (int i = 0; i < 20; i++) {
            app.run(execution(INSERT_ORDER), execution(INSERT_LINE));
        }
        app.release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void aQueryBetweenEndsTheRun() {
        inserts(app, 6).run(execution(PRODUCT));
        inserts(app, 6).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresWritesOfManyRowsEach() {
        for (int i = 0; i < 20; i++) {
            app.run(execution(UPDATE_STOCK).rows(300));
        }
        app.release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresQueries() {
        app.loop(20, PRODUCT, IMPORT).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void addsUpTheRunsOfOneUnit() {
        inserts(app, 10).run(execution(PRODUCT));
        inserts(app, 12).release();

        assertThat(app.only().evidence()).containsEntry("runs", 2L)
                .containsEntry("maxStatementsInAUnit", 22L)
                .containsEntry("statementsInRuns", 22L)
                .containsEntry("roundTripsSaved", 20L);
    }

    @Test
    void doesNotAddUpAcrossUnitsOfWork() {
        app.connection(1);
        inserts(app.transaction(1), 6);
        inserts(app.transaction(2), 6).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void findsAJdbcTemplateLoopThatChecksOutAConnectionPerRow() {
        for (int row = 1; row <= 12; row++) {
            app.connection(row).run(execution(INSERT_LINE).from(IMPORT)).release().later(Duration.ofMillis(1));
        }

        Recommendation r = app.later(Duration.ofMillis(100)).only();

        assertThat(r.evidence()).containsEntry("unitOfWorkKind", "series of checkouts on one thread")
                .containsEntry("statementsInRuns", 12L);
    }

    @Test
    void reportsMaxAndMedianStatementsPerUnit() {
        int[] rows = {10, 20, 40};
        for (int i = 0; i < rows.length; i++) {
            inserts(app.connection(i + 1).transaction(1), rows[i]).release();
        }

        Recommendation r = app.only();

        assertThat(r.title()).endsWith("up to 40 statements per transaction (in 3 transactions)");
        assertThat(r.evidence()).containsEntry("unitsOfWork", 3L)
                .containsEntry("maxStatementsInAUnit", 40L)
                .containsEntry("medianStatementsInAUnit", 20L)
                .containsEntry("roundTripsSaved", 67L);
    }

    @Test
    void suggestsBatchesAndTheRewriteSwitchOfPostgreSql() {
        Recommendation r = inserts(app, 10).release().only();

        assertThat(r.suggestion().text()).contains("addBatch() for each row and executeBatch() every 50 rows",
                "Of the 10 statements seen, 9 round trips would have been saved", "reWriteBatchedInserts=true",
                "hibernate.jdbc.batch_size=50", "hibernate.order_inserts=true", "hibernate.order_updates=true",
                "GenerationType.IDENTITY", "SEQUENCE");
        assertThat(r.suggestion().codeLanguage()).isEqualTo("java");
        assertThat(r.suggestion().code()).contains("connection.prepareStatement(\"" + INSERT_LINE.text() + "\")",
                "ps.addBatch();", "if (++pending == 50)", "ps.executeBatch();");
    }

    @Test
    void suggestsRewriteBatchedStatementsOnMySql() {
        Recommendation r = inserts(app.database(Dialect.MYSQL), 10).release().only();

        assertThat(r.suggestion().text()).contains("rewriteBatchedStatements=true", "MariaDB Connector/J 3",
                "MySQL, which has no sequences").doesNotContain("reWriteBatchedInserts");
    }

    @Test
    void namesNoDriverSwitchForOtherDatabases() {
        Recommendation r = inserts(app.database(Dialect.OTHER), 10).release().only();

        assertThat(r.suggestion().text()).contains("Check how your JDBC driver sends a batch")
                .doesNotContain("reWriteBatchedInserts", "rewriteBatchedStatements");
    }

    @Test
    void saysNothingOfIdentityIdsForUpdates() {
        Recommendation r = app.loop(10, UPDATE_STOCK, IMPORT).release().only();

        assertThat(r.title()).startsWith("Unbatched writes: UPDATE of products");
        assertThat(r.suggestion().text()).contains("sends the statements of a batch together")
                .doesNotContain("IDENTITY", "reWriteBatchedInserts");
    }

    @Test
    void gradesSeverityByTheTimeOfTheRuns() {
        app.run(execution(PRODUCT).millis(10));
        for (int i = 0; i < 20; i++) {
            app.run(execution(INSERT_LINE).millis(60));
        }
        Recommendation r = app.release().only();

        assertThat(r.impactMillis()).isEqualTo(1_200.0);
        assertThat(r.severity().label()).isEqualTo("high");
    }

    @Test
    void readsThresholdAndBatchSizeFromSettings() {
        UnitOfWorkScript strict = new UnitOfWorkScript(new UnbatchedWritesRule(
                settings(UnbatchedWritesRule.ID, "threshold", "3", "batchSize", "2")));

        Recommendation r = inserts(strict, 3).release().only();

        assertThat(r.evidence()).containsEntry("roundTripsSaved", 1L).containsEntry("batchSize", 2L);
    }

    @Test
    void rejectsMaxStatementsPerUnitBelowThreshold() {
        assertThatThrownBy(() -> new UnbatchedWritesRule(settings(UnbatchedWritesRule.ID, "threshold", "50",
                "maxStatementsPerUnit", "20")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queryadvisor.rules.unbatched-writes.maxStatementsPerUnit");
    }

    @Test
    void staysBoundedUnderAFloodOfRuns() {
        UnbatchedWritesRule small = new UnbatchedWritesRule(settings(UnbatchedWritesRule.ID,
                "maxFingerprints", "3", "maxStatementsPerUnit", "100000"));
        UnitOfWorkScript script = new UnitOfWorkScript(small);
        for (int i = 0; i < 40; i++) {
            script.loop(10, onTables("INSERT INTO t" + i + " (a) VALUES (?)", "t" + i), IMPORT);
        }
        script.release();

        assertThat(small.counters()).containsEntry("runsNotKept", 24L).containsEntry("fingerprintsDropped", 13L);
        assertThat(small.fingerprintsTracked()).isEqualTo(3);
        assertThat(script.recommendations()).hasSize(3);
        assertThat(small.openUnits()).isZero();
    }

    @Test
    void isRegisteredUnderItsId() {
        assertThat(RuleRegistry.ids()).contains("unbatched-writes");
        assertThat(RuleRegistry.enabledRules(Settings.empty())).anyMatch(r -> r instanceof UnbatchedWritesRule);
    }
}
