package io.queryadvisor.advisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Severity;
import io.queryadvisor.advisor.stats.CaptureHealth;
import io.queryadvisor.advisor.stats.QueryStats;

/** The Markdown report reads well on a review page and no string from the application can break it. */
class MarkdownReportWriterTest {

    private final String markdown = ReportFixture.write(new MarkdownReportWriter(), ReportFixture.report());
    private final MarkdownStructure structure = MarkdownStructure.parse(markdown);

    @Test
    void titleNamesTheApplicationWithItsMarkupEscaped() {
        assertThat(markdown.lines().findFirst()).hasValue(
                "# Query Advisor report: shop \\<script\\>alert(1)\\</script\\> \\| \\`ünïcødé\\` 🛒");
        assertThat(markdown).contains("Generated 2025-06-01T10:15:30.123Z on Eclipse Adoptium 21.0.4+7-LTS");
    }

    @Test
    void summaryCountsFindingsBySeverityAndShowsWhatWasLost() {
        assertThat(markdown)
                .contains("- **Findings:** 1 high, 1 medium, 1 low")
                .contains("- **Statements observed:** 12,345 (25 distinct queries)")
                .contains("- **Events dropped:** 17: the capture buffer was full");
    }

    @Test
    void summarySaysHowManyStatementsWereReadWithoutAParse() {
        String markdown = ReportFixture.write(new MarkdownReportWriter(), ReportFixture.report(
                List.of(ReportFixture.nPlusOne()), new CaptureHealth(12_345, 0, 25, 0, 10_000, 345, 42, 0, List.of(), Map.of())));
        assertThat(markdown).contains("- **Parses deferred:** 42: new statements read from their tokens only");
    }

    @Test
    void summaryNamesThePartsThatFailedAndSwitchedThemselvesOff() {
        String markdown = ReportFixture.write(new MarkdownReportWriter(), ReportFixture.report(
                List.of(ReportFixture.nPlusOne()), new CaptureHealth(12_345, 0, 25, 0, 10_000, 345, 0, 0,
                        List.of("rule select-star", "database probe"), Map.of())));
        assertThat(markdown).contains("- **Switched off:** rule select-star, database probe: failed and switched off");
    }

    @Test
    void summaryLeavesOutLossesThatDidNotHappen() {
        String clean = ReportFixture.write(new MarkdownReportWriter(), ReportFixture.report(
                List.of(ReportFixture.nPlusOne()), new CaptureHealth(12_345, 0, 25, 0, 10_000, 345, 0, 0, List.of(), Map.of())));
        assertThat(clean).contains("- **Findings:** 1 high, 0 medium, 0 low")
                .doesNotContain("Events dropped").doesNotContain("Queries evicted")
                .doesNotContain("Parses deferred").doesNotContain("Switched off");
    }

    @Test
    void givesEachFindingItsOwnSectionWithSeverityRuleAndTitle() {
        assertThat(structure.headings()).containsExactly(
                "# Query Advisor report: shop \\<script\\>alert(1)\\</script\\> \\| \\`ünïcødé\\` 🛒",
                "## Summary",
                "## Findings",
                "### 1. HIGH: N+1: \\`order\\_line\\` loaded once per order \\| 1,200 times",
                "### 2. MEDIUM: SELECT \\* reads columns nobody uses \\<script\\>alert(1)\\</script\\>",
                "### 3. LOW: Statement time is 42% of requests in total",
                "## Top queries",
                "## Endpoints",
                "## Connection pools");
        assertThat(markdown).contains("**Rule:** `n-plus-one` · **Impact:** 3,456.78 ms · **Fingerprint:** `a1b2c3`");
    }

    @Test
    void showsEvidenceAsATable() {
        assertThat(structure.tables().get(0)).containsExactly(
                List.of("Evidence", "Value"), List.of("---", "---:"),
                List.of("Executions", "1,200"), List.of("Per request", "40"), List.of("Share of time (%)", "42.5"),
                List.of("example \\| value", "\\<script\\>alert(1)\\</script\\>"));
    }

    @Test
    void listsCallSitesAsInlineCodeWithALongerFenceAroundBackticks() {
        assertThat(markdown).contains("- `com.shop.OrderService.lines(OrderService.java:42)` (40 executions)\n")
                .contains("- ``com.shop.`Weird`|Dao.run(Dao.java:7)`` (2 executions)\n");
    }

    @Test
    void everyTableRowHasAsManyCellsAsItsHeader() {
        assertThat(structure.tables()).hasSize(5);
        for (List<List<String>> table : structure.tables()) {
            int columns = table.get(0).size();
            assertThat(table).allSatisfy(row -> assertThat(row).hasSize(columns));
        }
    }

    @Test
    void listsTheTwentyMostCostlyQueriesOneRowEach() {
        List<List<String>> top = structure.tables().get(2);
        assertThat(top.get(0)).containsExactly("#", "Query", "Count", "Total ms", "Mean ms", "p95 ms", "Max ms", "Rows");
        assertThat(top).hasSize(2 + ReportView.TOP_QUERIES);
        assertThat(top.get(2)).containsExactly("1", "`select * from order_line where order_id = ?`", "11", "5,000",
                "454.55", "12.25", "99.75", "1,000");
        assertThat(markdown).doesNotContain("filler_20");
    }

    @Test
    void listsTheEndpointsWithTheirFiguresPerRequest() {
        List<List<String>> endpoints = structure.tables().get(3);
        assertThat(endpoints.get(0)).containsExactly("Endpoint", "Requests", "Statements", "Statements/request p50",
                "Statements/request p95", "DB ms/request p50", "DB ms/request p95", "Total ms", "Errors");
        assertThat(endpoints.get(2)).containsExactly("`` GET /search/<b>\\|`x` ``", "120", "2,400", "20", "41", "9.75",
                "22.5", "1,234.5", "3");
        assertThat(endpoints.get(3)).containsExactly("`no request: scheduling-*`", "0", "50", "–", "–", "–", "–",
                "80.25", "0");
    }

    @Test
    void listsEachPoolWithItsSettingsGaugesAndCheckoutTimes() {
        List<List<String>> pools = structure.tables().get(4);
        assertThat(pools.get(0)).containsExactly("Pool", "Max size", "Min idle", "Connection timeout ms", "Max active",
                "Max waiting", "Acquisitions", "Acquire p95 ms", "Hold p95 ms", "Hold max ms", "Timeouts");
        assertThat(pools.get(2)).containsExactly("`` HikariPool-1 <orders>\\|`x` ``", "10", "10", "30,000", "10", "4",
                "4,800", "12.5", "48.25", "1,200.5", "1");
    }

    @Test
    void showsADataSourceWithoutGaugesAsNotSaid() {
        assertThat(structure.tables().get(4).get(3)).containsExactly("`org.postgresql.Driver`", "–", "–", "–", "–",
                "–", "3", "8", "20", "21.25", "0");
    }

    @Test
    void keepsPipesBackticksAndLineBreaksOfSqlInsideTheirCell() {
        List<String> queries = structure.tables().get(2).stream().map(row -> row.get(1)).toList();
        assertThat(queries).contains(
                "`select '<script>alert(1)</script>' as x, first_name \\|\\| ' ' \\|\\| last_name from customer where id = ?`",
                "```select `name`, ``weird`` from `customer` where id = ?```",
                "`select id from orders where status = ?`",
                "`select * from produkt where name = ? -- größe 👟 日本`");
    }

    @Test
    void balancesEveryCodeFenceEvenAroundAFenceInsideSql() {
        assertThat(structure.unclosedFence()).isFalse();
        assertThat(structure.codeBlocks()).extracting(MarkdownStructure.CodeBlock::info)
                .containsExactly("sql", "java", "sql", "sql");
        assertThat(structure.codeBlocks().get(2).content()).isEqualTo(ReportFixture.FENCE_SQL + "\n");
        assertThat(markdown).contains("````sql\n" + ReportFixture.FENCE_SQL + "\n````\n");
    }

    @Test
    void showsTheSuggestionAndItsCodeInTheCodesLanguage() {
        assertThat(structure.codeBlocks().get(1).content())
                .isEqualTo("@Query(\"select o from Order o join fetch o.lines\")\nList<Order> findAllWithLines();\n");
        assertThat(markdown).contains("**Suggestion:** Fetch the lines of all orders in one query with a join fetch.")
                .contains("**Suggestion:** Add an index \\| or two");
    }

    @Test
    void cutsAVeryLongFingerprintInTheTableButShowsItWholeInItsFinding() {
        String longSql = "select " + "a_column, ".repeat(100) + "z from t where id = ?";
        Recommendation finding = new Recommendation("select-star:long", "select-star", Severity.LOW, "Wide", "long",
                longSql, longSql, List.of(), Map.of(), null, 1.0);
        QueryStats query = new QueryStats("long", longSql, StatementType.SELECT, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1,
                List.of(), List.of(), 0, 0);
        String md = ReportFixture.write(new MarkdownReportWriter(), new Report("2025-06-01T10:15:30Z",
                new ApplicationInfo("shop", "jvm", List.of()), List.of(query), List.of(finding),
                new CaptureHealth(1, 0, 1, 0, 0, 1, 0, 0, List.of(), Map.of())));
        MarkdownStructure parsed = MarkdownStructure.parse(md);
        String cell = parsed.tables().get(0).get(2).get(1);
        assertThat(cell).hasSize(ReportView.MAX_SQL_IN_TABLE + 2).endsWith("…`");
        assertThat(parsed.codeBlocks().get(0).content()).isEqualTo(longSql + "\n");
    }

    @Test
    void saysSoWhenThereIsNothingToShow() {
        Report empty = new Report("2025-06-01T10:15:30Z", new ApplicationInfo("shop", "jvm", List.of()), List.of(),
                List.of(), CaptureHealth.NONE);
        assertThat(ReportFixture.write(new MarkdownReportWriter(), empty))
                .contains("No findings.").contains("No statements captured.").doesNotContain("## Connection pools");
    }
}
