package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Severity;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.stats.CallSiteCount;
import io.queryadvisor.advisor.stats.CaptureHealth;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;

/**
 * The recommendations view as a real browser renders it. No rule is registered yet, so the page
 * is served with a hand-made finding whose every text holds markup. Needs Chromium (see
 * {@link HeadlessChromium}); without it every test here fails.
 */
class RecommendationsViewBrowserTest {

    private static final String MARKUP = "<script>alert(1)</script>";

    @TempDir
    static Path workDir;

    private static HttpServer server;
    private static Document page;

    @BeforeAll
    static void renderThePage() throws Exception {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("executions per request", 50);
        evidence.put("shareOfStatementTimePercent", 61.4);
        evidence.put("parent query", "SELECT * FROM orders " + MARKUP);
        Recommendation finding = new Recommendation("n-plus-one:abc", "n-plus-one", Severity.HIGH,
                "Lines loaded one order at a time " + MARKUP, "abc", "SELECT * FROM line WHERE order_id = ?",
                "SELECT * FROM line WHERE order_id = ? -- " + MARKUP,
                List.of(CallSiteCount.of(new CallSite("com.shop.OrderDao", "lines", "OrderDao.java", 42), 7)), evidence,
                Suggestion.withSql("Load all lines at once " + MARKUP, "SELECT * FROM line WHERE order_id IN (?) " + MARKUP),
                1_234.5);
        Map<String, Endpoint> endpoints = new HashMap<>(StaticResources.endpoints());
        endpoints.put("/api/recommendations", parameters -> Response.json(List.of(finding)));
        endpoints.put("/api/queries", parameters -> Response.json(new WorkloadSnapshot(0, List.of(),
                CaptureHealth.NONE)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", new Router(endpoints, new DnsRebindingGuard(true, "127.0.0.1")));
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/#recommendations";
        page = Jsoup.parse(HeadlessChromium.dumpDom(url, 5_000, workDir));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void showsTheRecommendationsView() {
        assertThat(page.select("#recommendations").hasAttr("hidden")).isFalse();
        assertThat(page.select("#queries").hasAttr("hidden")).isTrue();
    }

    @Test
    void showsEachFindingCollapsedWithSeverityRuleAndTitle() {
        Element finding = page.selectFirst("#recommendation-list details.finding");

        assertThat(finding).isNotNull();
        assertThat(finding.hasAttr("open")).isFalse();
        assertThat(finding.select("summary .badge").text()).isEqualTo("high");
        assertThat(finding.select("summary .rule").text()).isEqualTo("n-plus-one");
        assertThat(finding.select("summary .title").text()).isEqualTo("Lines loaded one order at a time " + MARKUP);
    }

    @Test
    void showsEvidenceAsNameValueRows() {
        assertThat(page.select("table.evidence tr").eachText()).containsExactly(
                "executions per request 50", "Share of statement time (%) 61.4",
                "parent query SELECT * FROM orders " + MARKUP);
    }

    @Test
    void showsCallSitesExampleSqlAndSuggestion() {
        Element finding = page.selectFirst("details.finding");

        assertThat(finding.select("li").eachText()).containsExactly("com.shop.OrderDao.lines(OrderDao.java:42) \u00d77");
        assertThat(finding.select("pre.sql").text()).isEqualTo("SELECT * FROM line WHERE order_id = ? -- " + MARKUP);
        assertThat(finding.select("p").text()).isEqualTo("Load all lines at once " + MARKUP);
        assertThat(finding.select("pre.code").text()).isEqualTo("SELECT * FROM line WHERE order_id IN (?) " + MARKUP);
    }

    @Test
    void injectsNoScriptFromTheData() {
        assertThat(page.select("script").eachAttr("src"))
                .containsExactly("uplot/uPlot.iife.min.js", "pools.js", "endpoints.js", "app.js");
    }

    @Test
    void offersTheReportForDownload() {
        assertThat(page.select("#recommendations a[download]").eachText()).containsExactly("JSON", "Markdown", "HTML");
    }
}
