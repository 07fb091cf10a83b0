package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries view as a real browser renders it, from a real advisor. Needs Chromium (see
 * {@link HeadlessChromium}); without it every test here fails.
 */
class QueriesViewBrowserTest {

    @TempDir
    static Path workDir;

    private static RunningDashboard dashboard;
    private static Document page;

    @BeforeAll
    static void renderThePage() throws Exception {
        dashboard = new RunningDashboard();
        for (int i = 0; i < 3; i++) {
            dashboard.executed(QueriesApiTest.CUSTOMER_SQL, 1, QueriesApiTest.FIND_CUSTOMER);
        }
        dashboard.executed(QueriesApiTest.MARKUP_SQL, 40, QueriesApiTest.SHOW_CUSTOMER).processed();
        page = Jsoup.parse(HeadlessChromium.dumpDom(dashboard.server.url(), 5_000, workDir));
    }

    @AfterAll
    static void close() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @Test
    void showsOneRowPerFingerprint() {
        assertThat(page.select("#query-rows tr")).hasSize(2);
    }

    @Test
    void showsSqlContainingMarkupAsText() {
        String markupSql = QueriesApiTest.fingerprintOf(QueriesApiTest.MARKUP_SQL);

        assertThat(page.select("#query-rows code.sql").eachText()).contains(markupSql);
    }

    @Test
    void injectsNoScriptFromTheData() {
        assertThat(page.select("script").eachAttr("src"))
                .containsExactly("uplot/uPlot.iife.min.js", "pools.js", "endpoints.js", "app.js");
        assertThat(page.select("#query-rows script")).isEmpty();
    }

    @Test
    void sortsByTotalTimeDescendingAtFirst() {
        assertThat(page.select("#query-rows tr").first().select("code.sql").text())
                .isEqualTo(QueriesApiTest.fingerprintOf(QueriesApiTest.MARKUP_SQL));
        assertThat(page.select("th[aria-sort]").text()).isEqualTo("Total ms");
        assertThat(page.select("th[aria-sort]").attr("aria-sort")).isEqualTo("descending");
    }

    @Test
    void showsCallSitesWithTheirCounts() {
        assertThat(page.select("#query-rows li").eachText())
                .contains("com.shop.CustomerDao.find(CustomerDao.java:42) \u00d73");
    }

    @Test
    void showsTheEndpointsThatRanEachQuery() {
        // fed outside any request, on the thread "main"
        assertThat(page.select("#query-rows li").eachText()).contains("no request: main \u00d73");
    }

    @Test
    void showsCaptureHealth() {
        assertThat(page.select("#health").text()).contains("Statements observed: 4").contains("Events dropped: 0")
                .contains("Parses deferred: 0");
    }
}
