package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The page and its assets, as served. */
class PageTest {

    private final RunningDashboard dashboard = new RunningDashboard();

    @AfterEach
    void close() {
        dashboard.close();
    }

    @Test
    void servesThePageAsHtml() {
        HttpResponse<String> response = dashboard.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page().title()).isEqualTo("Query Advisor");
    }

    @Test
    void protectsThePageWithAStrictContentSecurityPolicy() {
        String policy = dashboard.get("/").headers().firstValue("Content-Security-Policy").orElse("");

        assertThat(policy).contains("default-src 'self'").contains("script-src 'self'")
                .contains("object-src 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void servesTheScriptAsJavaScript() {
        HttpResponse<String> response = dashboard.get("/app.js");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    }

    @Test
    void servesTheStylesheetAsCss() {
        HttpResponse<String> response = dashboard.get("/app.css");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void loadsOnlyItsOwnScriptAndStylesheet() {
        Document page = page();

        assertThat(page.select("script").eachAttr("src"))
                .containsExactly("uplot/uPlot.iife.min.js", "pools.js", "endpoints.js", "app.js");
        assertThat(page.select("script")).allSatisfy(script -> assertThat(script.data()).isBlank());
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("uplot/uPlot.min.css", "app.css");
        assertThat(page.select("[style], style")).isEmpty();
    }

    @Test
    void loadsNothingFromTheNetwork() {
        // uPlot's own file names its project's address in a comment; it loads nothing
        for (String asset : new String[] {"/", "/app.js", "/endpoints.js", "/app.css", "/pools.js", "/uplot/uPlot.min.css"}) {
            assertThat(dashboard.get(asset).body()).as(asset).doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}");
        }
    }

    @Test
    void offersQueriesRecommendationsEndpointsAndPoolsViews() {
        assertThat(page().select("[role=tab]").eachText())
                .containsExactly("Queries", "Recommendations", "Endpoints", "Pools");
    }

    @Test
    void linksTheReportInEachFormat() {
        assertThat(page().select("#recommendations a[href]").eachAttr("href")).containsExactly(
                "api/report?format=json", "api/report?format=md", "api/report?format=html");
    }

    @Test
    void scriptNeverWritesMarkup() {
        // SQL text can contain anything: every value must reach the page as text, never as HTML.
        for (String script : new String[] {"/app.js", "/endpoints.js"}) {
            assertThat(dashboard.get(script).body()).as(script).doesNotContain("innerHTML").doesNotContain("outerHTML")
                    .doesNotContain("insertAdjacentHTML").doesNotContain("document.write").doesNotContain("eval(")
                    .doesNotContain("new Function");
        }
    }

    private Document page() {
        return Jsoup.parse(dashboard.get("/").body(), dashboard.server.url());
    }
}
