package io.queryadvisor.advisor.rules.unboundedresult;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.callSite;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.onTables;
import static io.queryadvisor.advisor.rules.testing.RuleWorkload.settings;
import static io.queryadvisor.advisor.rules.testing.UnitOfWorkScript.execution;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.SqlFacts;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.engine.RuleRegistry;
import io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder;
import io.queryadvisor.advisor.rules.testing.UnitOfWorkScript;
import io.queryadvisor.advisor.stats.CallSiteCount;

class UnboundedResultRuleTest {

    static final Fingerprint AUDIT = onTables("SELECT id, event, at FROM audit_log WHERE account_id = ? ORDER BY at",
            "audit_log");
    static final Fingerprint AUDIT_PAGE = limited("SELECT id, event, at FROM audit_log ORDER BY at LIMIT ?", "audit_log");
    static final CallSite EXPORT = callSite("com.shop.AuditExport", "write", 61);

    private final UnboundedResultRule rule = new UnboundedResultRule(RuleSettings.defaults(UnboundedResultRule.ID));
    private final UnitOfWorkScript app = new UnitOfWorkScript(rule);

    static Fingerprint limited(String text, String table) {
        Fingerprint f = ObservedStatementBuilder.fingerprint(text);
        return new Fingerprint(f.id(), f.text(), f.type(), true,
                new SqlFacts(false, List.of(), List.of(table), 0, true, false));
    }

    private static UnitOfWorkScript.Execution audit(long rows) {
        return execution(AUDIT).rows(rows).from(EXPORT);
    }

    private UnitOfWorkScript executions(UnitOfWorkScript script, int times, long rows) {
        for (int i = 0; i < times; i++) {
            script.run(audit(rows));
        }
        return script;
    }

    @Test
    void flagsAQueryWithoutALimitThatReadsManyRows() {
        Recommendation r = app.run(audit(500), audit(20_000), audit(800)).only();

        assertThat(r.rule()).isEqualTo("unbounded-result");
        assertThat(r.id()).isEqualTo("unbounded-result:" + AUDIT.id());
        assertThat(r.title()).isEqualTo("Unbounded result: a query on audit_log without a limit read up to 20000 rows");
        assertThat(r.evidence())
                .containsEntry("executions", 3L)
                .containsEntry("maxRows", 20_000L)
                .containsEntry("thresholdRows", 10_000L)
                .containsEntry("executionsOverThreshold", 1L)
                .containsEntry("fetchSize", "not set")
                .containsEntry("callSites", "com.shop.AuditExport.write(AuditExport.java:61)")
                .doesNotContainKeys("firstRowsMean", "recentRowsMean", "fetchSizeIgnoredInAutoCommit");
        assertThat(r.callSites()).extracting(CallSiteCount::callSite)
                .containsExactly("com.shop.AuditExport.write(AuditExport.java:61)");
    }

    @Test
    void givesEvidenceInReadingOrder() {
        executions(app, 20, 12_000);

        assertThat(List.copyOf(app.only().evidence().keySet())).containsExactly("executions", "maxRows",
                "thresholdRows", "executionsOverThreshold", "firstRowsMean", "recentRowsMean", "fetchSize",
                "callSites", "endpoints");
    }

    @Test
    void flagsAResultThatReachesTheThreshold() {
        assertThat(app.run(audit(9_999)).recommendations()).isEmpty();

        assertThat(app.run(audit(10_000)).recommendations()).hasSize(1);
    }

    @Test
    void ignoresAQueryWithALimit() {
        app.run(execution(AUDIT_PAGE).rows(50_000));

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresAWriteOfManyRows() {
        app.run(execution(onTables("DELETE FROM audit_log WHERE at < ?", "audit_log")).rows(50_000));

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresAnExecutionWhoseRowsAreUnknown() {
        app.run(audit(-1));

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void flagsAResultThatKeepsGrowing() {
        executions(app, 10, 100);
        executions(app, 10, 2_000);

        Recommendation r = app.only();

        assertThat(r.title()).isEqualTo("Unbounded result: a query on audit_log without a limit read up to 2000 rows,"
                + " and more and more (100 rows per execution at first, 2000 lately)");
        assertThat(r.evidence()).containsEntry("firstRowsMean", 100.0)
                .containsEntry("recentRowsMean", 2_000.0)
                .containsEntry("executionsOverThreshold", 0L);
    }

    @Test
    void comparesTheLatestExecutionsNotAllOfThem() {
        executions(app, 10, 100);
        executions(app, 30, 150);
        executions(app, 10, 1_000);

        assertThat(app.only().evidence()).containsEntry("recentRowsMean", 1_000.0);
    }

    @Test
    void ignoresAResultThatStaysLevel() {
        executions(app, 40, 5_000);

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresSmallResultsThatGrow() {
        executions(app, 10, 1);
        executions(app, 10, 50);

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void waitsForTwoWindowsOfExecutionsBeforeSayingItGrows() {
        executions(app, 10, 100);
        executions(app, 9, 5_000);

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void readsGrowthSettings() {
        UnitOfWorkScript quick = new UnitOfWorkScript(new UnboundedResultRule(settings(UnboundedResultRule.ID,
                "window", "2", "growthFactor", "2", "minGrowingRows", "100")));

        executions(quick, 2, 60);
        executions(quick, 2, 130);

        assertThat(quick.recommendations()).hasSize(1);
    }

    @Test
    void readsThresholdFromSettings() {
        UnitOfWorkScript strict = new UnitOfWorkScript(new UnboundedResultRule(
                settings(UnboundedResultRule.ID, "threshold", "1000")));

        assertThat(strict.run(audit(1_000)).recommendations()).hasSize(1);
    }

    @Test
    void saysNoFetchSizeWasSetAndHowToStreamOnPostgreSql() {
        Recommendation r = app.run(audit(20_000)).only();

        assertThat(r.suggestion().text()).contains("No fetch size was set on it", "keyset pagination",
                "setFetchSize(500)", "unless auto-commit is off and a fetch size is set",
                "@Transactional(readOnly = true)", "Slice or Page");
        assertThat(r.suggestion().codeLanguage()).isEqualTo("sql");
        assertThat(r.suggestion().code()).isEqualTo(AUDIT.text() + " LIMIT ?");
    }

    @Test
    void namesTheFetchSizeSetOnTheStatement() {
        app.connection(1).transaction(1).fetchSize(AUDIT, 500).run(audit(20_000));

        Recommendation r = app.only();

        assertThat(r.evidence()).containsEntry("fetchSize", "500").doesNotContainKey("fetchSizeIgnoredInAutoCommit");
        assertThat(r.suggestion().text()).doesNotContain("No fetch size");
    }

    @Test
    void saysPostgreSqlIgnoresAFetchSizeInAutoCommit() {
        app.connection(1).fetchSize(AUDIT, 500).run(audit(20_000));

        assertThat(app.only().evidence()).containsEntry("fetchSizeIgnoredInAutoCommit", 1L);
    }

    @Test
    void saysNothingOfAutoCommitOnOtherDatabases() {
        app.database(Dialect.MYSQL).connection(1).fetchSize(AUDIT, 500).run(audit(20_000));

        Recommendation r = app.only();

        assertThat(r.evidence()).doesNotContainKey("fetchSizeIgnoredInAutoCommit");
        assertThat(r.suggestion().text()).contains("useCursorFetch=true", "Integer.MIN_VALUE")
                .doesNotContain("auto-commit");
    }

    @Test
    void countsTheExecutionsThatHadAFetchSize() {
        app.connection(1).transaction(1).fetchSize(AUDIT, 500).run(audit(20_000)).release()
                .connection(2).run(audit(20_000));

        assertThat(app.only().evidence()).containsEntry("fetchSize", "500 (in 1 of 2 executions)");
    }

    @Test
    void appliesAPlainStatementsFetchSizeToWhatRunsOnItsConnection() {
        app.connection(1).transaction(1).fetchSize(null, 1_000).run(audit(20_000));

        assertThat(app.only().evidence()).containsEntry("fetchSize", "1000");
    }

    @Test
    void forgetsTheFetchSizesOfAReleasedConnection() {
        app.connection(1).fetchSize(AUDIT, 500).release().connection(1).run(audit(20_000));

        assertThat(app.only().evidence()).containsEntry("fetchSize", "not set");
    }

    @Test
    void writesTheLimitInTheStandardFormElsewhere() {
        Recommendation r = app.database(Dialect.OTHER).run(audit(20_000)).only();

        assertThat(r.suggestion().code()).isEqualTo(AUDIT.text() + " FETCH FIRST ? ROWS ONLY");
    }

    @Test
    void writesNoLimitAfterForUpdate() {
        Fingerprint locking = onTables("SELECT id FROM jobs WHERE state = ? FOR UPDATE", "jobs");

        Recommendation r = app.run(execution(locking).rows(20_000)).only();

        assertThat(r.suggestion().code()).isNull();
    }

    @Test
    void gradesSeverityByTheTimeOfTheLargeExecutions() {
        app.run(audit(100).millis(10), audit(20_000).millis(300), audit(100).millis(10));

        Recommendation r = app.only();

        assertThat(r.impactMillis()).isEqualTo(300.0);
    }

    @Test
    void staysBoundedUnderAFloodOfQueriesAndConnections() {
        UnboundedResultRule small = new UnboundedResultRule(settings(UnboundedResultRule.ID,
                "maxFingerprints", "10", "maxConnections", "5"));
        UnitOfWorkScript script = new UnitOfWorkScript(small);
        for (int i = 0; i < 1_000; i++) {
            Fingerprint q = onTables("SELECT * FROM t" + i, "t" + i);
            script.connection(i).fetchSize(q, 100).run(execution(q).rows(20_000).millis(0.01));
        }

        assertThat(small.fingerprintsTracked()).isEqualTo(10);
        assertThat(small.connectionsTracked()).isEqualTo(5);
        assertThat(small.counters()).containsEntry("fingerprintsDropped", 990L);
        assertThat(script.recommendations()).hasSize(10);
    }

    @Test
    void isRegisteredUnderItsId() {
        assertThat(RuleRegistry.ids()).contains("unbounded-result");
        assertThat(RuleRegistry.enabledRules(Settings.empty())).anyMatch(r -> r instanceof UnboundedResultRule);
    }
}
