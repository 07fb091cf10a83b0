package io.queryadvisor.advisor.rules.selectstar;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.execution;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.fingerprint;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.starred;
import static io.queryadvisor.advisor.rules.testing.RuleWorkload.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.Fingerprinter;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.Severity;
import io.queryadvisor.advisor.rules.engine.RuleRegistry;
import io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder;
import io.queryadvisor.advisor.rules.testing.RuleWorkload;
import io.queryadvisor.advisor.stats.CallSiteCount;

class SelectStarRuleTest {

    private static final Fingerprint ORDER_BY_ID =
            starred("SELECT * FROM orders WHERE id = ?", List.of("*"), List.of("orders"));
    private static final Fingerprint ORDER_WITH_CUSTOMER = starred(
            "SELECT o.*, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ?",
            List.of("o"), List.of("orders", "customers"));

    private final SelectStarRule rule = new SelectStarRule(RuleSettings.defaults(SelectStarRule.ID));
    private final RuleWorkload workload = new RuleWorkload(rule);

    @Test
    void flagsSelectStar() {
        Recommendation r = workload.run(execution(ORDER_BY_ID).readColumns("id", "total")).only();

        assertThat(r.rule()).isEqualTo("select-star");
        assertThat(r.id()).isEqualTo("select-star:" + ORDER_BY_ID.id());
        assertThat(r.title()).isEqualTo("SELECT * on orders: the code reads only 2 columns (id, total)");
        assertThat(r.sql()).isEqualTo(ORDER_BY_ID.text());
        assertThat(r.callSites()).extracting(CallSiteCount::callSite).containsExactly("com.shop.OrderDao.find(OrderDao.java:42)");
    }

    @Test
    void ignoresStatementsWithoutStar() {
        workload.run(execution(fingerprint("SELECT id, total FROM orders WHERE id = ?")).readColumns("id", "total"),
                execution(fingerprint("SELECT COUNT(*) FROM orders")).readPositions(1));

        assertThat(workload.recommendations()).isEmpty();
    }

    @Test
    void ignoresStarThatFeedsAWrite() {
        Fingerprint archive = starred("INSERT INTO orders_archive SELECT * FROM orders WHERE created < ?",
                List.of("*"), List.of("orders_archive", "orders"));

        assertThat(workload.run(execution(archive).rows(500)).recommendations()).isEmpty();
    }

    @Test
    void namesColumnsTheCodeRead() {
        Recommendation r = workload.run(
                execution(ORDER_BY_ID).readColumns("id", "total"),
                execution(ORDER_BY_ID).readColumns("TOTAL", "status"),
                execution(ORDER_BY_ID).readColumns("id")).only();

        assertThat(r.evidence()).containsEntry("columnsRead", "id, total, status");
        assertThat(r.suggestion().text()).contains("(id, total, status)");
    }

    @Test
    void givesUpOnAStatementJSqlParserBacktracksOnForMinutes() {
        // seven nested IN subqueries with a typo at the bottom: an unbounded parse of it took over 180 s
        String nested = "SELECT * FROM t WHERE id IN (SELECT id FROM t WHERE id IN ".repeat(1)
                + "(SELECT id FROM t WHERE id IN ".repeat(6) + "(1 2))))))))";
        Fingerprint fp = new Fingerprinter().fingerprint(nested);
        workload.run(execution(fp).readColumns("id"));

        Recommendation r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> workload.only());

        assertThat(r.suggestion().code()).isNull();
        assertThat(r.suggestion().text()).contains("could not be parsed");
    }

    @Test
    void rewritesTheStarWithTheColumnsRead() {
        Recommendation r = workload.run(execution(ORDER_BY_ID).readColumns("id", "total")).only();

        assertThat(r.suggestion().code()).isEqualTo("SELECT id, total FROM orders WHERE id = ?");
        assertThat(r.suggestion().codeLanguage()).isEqualTo("sql");
    }

    @Test
    void rewritesATableStarKeepingTheColumnsNamedExplicitly() {
        Recommendation r = workload.run(execution(ORDER_WITH_CUSTOMER).readColumns("id", "name", "total")).only();

        assertThat(r.suggestion().code()).isEqualTo(
                "SELECT o.id, o.total, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ?");
        assertThat(r.suggestion().text()).contains("Qualify any column");
    }

    @Test
    void quotesLabelsThatAreNotPlainIdentifiers() {
        Recommendation r = workload.run(execution(ORDER_BY_ID).readColumns("id", "order total")).only();

        assertThat(r.suggestion().code()).isEqualTo("SELECT id, \"order total\" FROM orders WHERE id = ?");
    }

    @Test
    void reportsColumnsReadByIndexAsPositions() {
        Recommendation r = workload.run(execution(ORDER_BY_ID).readColumns("id").readPositions(3, 1)).only();

        assertThat(r.evidence()).containsEntry("columnsRead", "id, #1, #3");
        assertThat(r.suggestion().code()).isNull();
        assertThat(r.suggestion().text()).contains("id, #1, #3", "reads #1, #3 by position");
    }

    @Test
    void saysSoWhenNoColumnWasRead() {
        Recommendation r = workload.run(3, execution(ORDER_BY_ID).rows(1)).only();

        assertThat(r.title()).isEqualTo("SELECT * on orders: the code reads no column of the result");
        assertThat(r.evidence()).containsEntry("columnsRead", "none");
        assertThat(r.suggestion().text()).contains("never reads a column", "EXISTS");
        assertThat(r.suggestion().code()).isEqualTo("SELECT 1 FROM orders WHERE id = ?");
    }

    @Test
    void explainsInWordsWhenColumnsCannotBeToldApartBetweenStars() {
        Fingerprint both = starred("SELECT o.*, c.* FROM orders o JOIN customers c ON c.id = o.customer_id",
                List.of("o", "c"), List.of("orders", "customers"));

        Recommendation r = workload.run(execution(both).readColumns("total", "email")).only();

        assertThat(r.suggestion().code()).isNull();
        assertThat(r.suggestion().text()).contains("total, email", "several stars");
        assertThat(r.evidence()).containsEntry("starTargets", "o, c");
    }

    @Test
    void explainsInWordsForUnion() {
        Fingerprint union = starred("SELECT * FROM orders WHERE status = ? UNION ALL SELECT * FROM orders_archive",
                List.of("*", "*"), List.of("orders", "orders_archive"));

        Recommendation r = workload.run(execution(union).readColumns("id")).only();

        assertThat(r.suggestion().code()).isNull();
        assertThat(r.suggestion().text()).contains("columns the code reads: id", "UNION");
    }

    @Test
    void explainsInWordsForSelectDistinct() {
        Fingerprint distinct = starred("SELECT DISTINCT * FROM orders WHERE customer_id = ?", List.of("*"),
                List.of("orders"));

        Recommendation r = workload.run(execution(distinct).readColumns("status")).only();

        assertThat(r.suggestion().code()).isNull();
        assertThat(r.suggestion().text()).contains("DISTINCT", "change which rows");
    }

    @Test
    void explainsInWordsWhenTheStatementDoesNotParse() {
        Fingerprint odd = starred("SELECT * FROM orders WHERE id = ? FOR SHARE OF orders NOWAIT SKIP", List.of("*"),
                List.of("orders"));

        Recommendation r = workload.run(execution(odd).readColumns("id")).only();

        assertThat(r.suggestion().code()).isNull();
        assertThat(r.suggestion().text()).contains("columns the code reads: id", "could not be parsed");
    }

    @Test
    void mentionsStarsLeftInsideCtes() {
        Fingerprint cte = starred("WITH recent AS (SELECT * FROM orders WHERE created > ?) SELECT * FROM recent",
                List.of("*", "*"), List.of("orders"));

        Recommendation r = workload.run(execution(cte).readColumns("id")).only();

        assertThat(r.suggestion().code())
                .isEqualTo("WITH recent AS (SELECT * FROM orders WHERE created > ?) SELECT id FROM recent");
        assertThat(r.suggestion().text()).contains("1 more star in subqueries or CTEs");
    }

    @Test
    void saysAStarInsideExistsCostsNothingWhenTheFactsReportIt() {
        // The facts do not say where a star is; whether EXISTS (SELECT * ...) counts is the fingerprinter's call.
        Fingerprint exists = starred("SELECT id FROM customers c WHERE EXISTS (SELECT * FROM orders o"
                + " WHERE o.customer_id = c.id)", List.of("*"), List.of("customers", "orders"));

        Recommendation r = workload.run(execution(exists).readColumns("id")).only();

        assertThat(r.suggestion().code()).isNull();
        assertThat(r.suggestion().text()).contains("inside a subquery or CTE", "EXISTS (...) costs nothing");
    }

    @Test
    void ignoresAStarInsideExistsWhenTheFactsLeaveItOut() {
        Fingerprint exists = fingerprint("SELECT id FROM customers c WHERE EXISTS (SELECT * FROM orders o"
                + " WHERE o.customer_id = c.id)");

        assertThat(workload.run(execution(exists).readColumns("id")).recommendations()).isEmpty();
    }

    @Test
    void givesEvidenceInReadingOrder() {
        Recommendation r = workload.run(
                execution(ORDER_BY_ID).readColumns("id").rows(3).millis(2.5),
                execution(ORDER_BY_ID).readColumns("total").rows(4).millis(1.25)).only();

        assertThat(List.copyOf(r.evidence().keySet()))
                .containsExactly("executions", "rowsRead", "totalMillis", "starTargets", "columnsRead", "endpoints");
        assertThat(r.evidence()).containsEntry("executions", 2L).containsEntry("rowsRead", 7L)
                .containsEntry("totalMillis", 3.75).containsEntry("starTargets", "*");
        assertThat(r.impactMillis()).isEqualTo(3.75);
    }

    @Test
    void gradesSeverityByTheStatementsTime() {
        Recommendation r = workload.run(20, execution(ORDER_BY_ID).readColumns("id").millis(600)).only();

        assertThat(r.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void followsColumnsReadAfterAFindingWasMade() {
        workload.run(execution(ORDER_BY_ID).readColumns("id"));
        assertThat(workload.only().suggestion().code()).isEqualTo("SELECT id FROM orders WHERE id = ?");

        workload.run(execution(ORDER_BY_ID).readColumns("status"));

        assertThat(workload.only().suggestion().code()).isEqualTo("SELECT id, status FROM orders WHERE id = ?");
    }

    @Test
    void skipsFingerprintsTheStatisticsNoLongerHold() {
        assertThat(workload.runUnseenByStatistics(execution(ORDER_BY_ID).readColumns("id")).recommendations())
                .isEmpty();
    }

    @Test
    void keepsBoundedStateWhateverTheWorkload() {
        SelectStarRule small = new SelectStarRule(settings(SelectStarRule.ID, "maxFingerprints", "5"));
        RuleWorkload many = new RuleWorkload(small);
        for (int i = 0; i < 20; i++) {
            many.run(execution(starred("SELECT * FROM t" + i, List.of("*"), List.of("t" + i))).readColumns("id"));
        }

        assertThat(small.fingerprintsTracked()).isEqualTo(5);
        assertThat(small.fingerprintsDropped()).isEqualTo(15);
        assertThat(many.recommendations()).hasSize(5);
    }

    @Test
    void keepsABoundedNumberOfColumnsPerStatement() {
        String[] labels = new String[ColumnsRead.MAX_NAMES + 44];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = "c" + i;
        }

        Recommendation r = workload.run(execution(ORDER_BY_ID).readColumns(labels)).only();

        assertThat(r.evidence()).containsEntry("columnReadsNotListed", 44L);
        assertThat(r.suggestion().code()).isNull();
        assertThat(r.suggestion().text()).contains("the first 256 are c0, c1", "c255, and it reads more");
    }

    @Test
    void isRegisteredUnderItsId() {
        assertThat(RuleRegistry.ids()).contains("select-star");
        assertThat(RuleRegistry.enabledRules(Settings.empty())).anyMatch(r -> r instanceof SelectStarRule);
    }
}
