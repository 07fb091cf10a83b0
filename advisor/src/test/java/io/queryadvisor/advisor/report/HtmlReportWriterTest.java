package io.queryadvisor.advisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.stats.CaptureHealth;

/** The HTML report is one safe, self-contained page with the same content as the Markdown one. */
class HtmlReportWriterTest {

    private final String html = ReportFixture.write(new HtmlReportWriter(), ReportFixture.report());
    private final Document page = Jsoup.parse(html);

    @Test
    void declaresUtf8AndTitlesThePageWithTheApplication() {
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(page.select("meta[charset]").attr("charset")).isEqualTo("utf-8");
        assertThat(page.title()).isEqualTo("Query Advisor report: " + ReportFixture.APP_NAME);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Query Advisor report: " + ReportFixture.APP_NAME);
    }

    @Test
    void runsNoScriptAndLoadsNothingFromOutside() {
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("[src], [href], link, img, iframe, object, embed, base, form")).isEmpty();
        assertThat(page.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().startsWith("on")));
        assertThat(page.select("style").html()).doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void showsScriptTagsFromTheApplicationAsText() {
        assertThat(html).doesNotContainIgnoringCase("<script");
        assertThat(page.select("details.finding summary").get(1).text()).endsWith(ReportFixture.SCRIPT);
        assertThat(page.select("pre code").eachText()).contains(ReportFixture.SCRIPT_SQL);
        assertThat(page.select("table.evidence td").eachText()).contains(ReportFixture.SCRIPT);
    }

    @Test
    void summarisesFindingsBySeverityAndWhatWasLost() {
        assertThat(page.select("#summary li").eachText()).containsExactly(
                "Findings: 1 high, 1 medium, 1 low",
                "Statements observed: 12,345 (25 distinct queries)",
                "Events dropped: 17: the capture buffer was full, so the figures undercount the workload",
                "Queries evicted: 3: the least costly were forgotten to stay within the fingerprint limit");
    }

    @Test
    void showsEachFindingOpenWithSeverityRuleAndTitle() {
        Elements findings = page.select("details.finding");
        assertThat(findings).hasSize(3);
        assertThat(findings).allSatisfy(f -> assertThat(f.hasAttr("open")).isTrue());
        assertThat(findings.eachAttr("class")).containsExactly("finding high", "finding medium", "finding low");
        assertThat(findings.select("summary").eachText()).containsExactly(
                "1. HIGH " + ReportFixture.N_PLUS_ONE_TITLE,
                "2. MEDIUM " + ReportFixture.SELECT_STAR_TITLE,
                "3. LOW Statement time is 42% of requests in total");
        assertThat(findings.get(0).select(".facts code").eachText()).containsExactly("n-plus-one", "a1b2c3");
    }

    @Test
    void showsEvidenceCallSitesExampleSqlAndSuggestion() {
        Element first = page.selectFirst("details.finding");
        assertThat(first.select("table.evidence tbody tr")).hasSize(4);
        assertThat(first.select("table.evidence tbody tr").get(0).select("td").eachText())
                .containsExactly("Executions", "1,200");
        assertThat(first.select("table.evidence tbody tr").get(2).select("td").eachText())
                .containsExactly("Share of time (%)", "42.5");
        assertThat(first.select("table.evidence tbody tr").get(3).select("td.text")).as("text wraps in the page")
                .hasSize(1);
        assertThat(first.select("li code").eachText()).containsExactly(
                "com.shop.OrderService.lines(OrderService.java:42)", "com.shop.`Weird`|Dao.run(Dao.java:7)");
        assertThat(first.select("pre code.language-sql").text()).isEqualTo(ReportFixture.N_PLUS_ONE_SQL);
        assertThat(first.select("pre code.language-java").first().wholeText())
                .isEqualTo("@Query(\"select o from Order o join fetch o.lines\")\nList<Order> findAllWithLines();");
    }

    @Test
    void keepsTheLineBreaksOfExampleSql() {
        Element second = page.select("details.finding").get(1);
        assertThat(second.select("pre code.language-sql").first().wholeText()).isEqualTo(ReportFixture.FENCE_SQL);
    }

    @Test
    void listsTheTwentyMostCostlyQueriesWithTheirFigures() {
        Elements rows = page.select("table.queries tbody tr");
        assertThat(rows).hasSize(ReportView.TOP_QUERIES);
        assertThat(rows.get(0).select("td").eachText()).containsExactly("1", ReportFixture.N_PLUS_ONE_SQL, "11",
                "5,000", "454.55", "12.25", "99.75", "1,000");
        assertThat(page.select("table.queries code").eachText()).contains(ReportFixture.SCRIPT_SQL,
                ReportFixture.BACKTICK_SQL, ReportFixture.UNICODE_SQL, "select id from orders where status = ?");
        assertThat(html).doesNotContain("filler_20");
    }

    @Test
    void listsTheEndpointsWithTheirFiguresPerRequest() {
        Elements rows = page.select("table.endpoints tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).select("td").eachText()).containsExactly(ReportFixture.ENDPOINT, "120", "2,400", "20",
                "41", "9.75", "22.5", "1,234.5", "3");
        assertThat(rows.get(1).select("td").eachText()).containsExactly("no request: scheduling-*", "0", "50", "–",
                "–", "–", "–", "80.25", "0");
    }

    @Test
    void listsEachPoolWithItsSettingsGaugesAndCheckoutTimes() {
        assertThat(page.select("table.pools thead th").eachText()).containsExactly("Pool", "Max size", "Min idle",
                "Connection timeout ms", "Max active", "Max waiting", "Acquisitions", "Acquire p95 ms", "Hold p95 ms",
                "Hold max ms", "Timeouts");
        Elements rows = page.select("table.pools tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).select("td").eachText()).containsExactly(ReportFixture.POOL, "10", "10", "30,000", "10",
                "4", "4,800", "12.5", "48.25", "1,200.5", "1");
    }

    @Test
    void saysSoWhenThereIsNothingToShow() {
        Report empty = new Report("2025-06-01T10:15:30Z", new ApplicationInfo("shop", "jvm", List.of()), List.of(),
                List.of(), CaptureHealth.NONE);
        Document emptyPage = Jsoup.parse(ReportFixture.write(new HtmlReportWriter(), empty));
        assertThat(emptyPage.select("#findings p").text()).isEqualTo("No findings.");
        assertThat(emptyPage.select("#top-queries p").text()).isEqualTo("No statements captured.");
        assertThat(emptyPage.select("#pools")).isEmpty();
    }

    @Test
    void escapesEveryCharacterThatCouldOpenMarkupOrAnAttribute() {
        assertThat(HtmlText.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(HtmlText.escape("a\u0000b\u0085c\n")).isEqualTo("a\uFFFDb\uFFFDc\n");
    }
}
