package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.queryadvisor.advisor.capture.RequestInfo;

/** The Endpoints view, rendered by a real headless Chromium from a real advisor's answers. */
class EndpointsViewBrowserTest {

    static final String MARKUP_ENDPOINT = "GET /search/<script>alert(1)</script>";

    @TempDir
    static Path workDir;

    private static RunningDashboard dashboard;
    private static Document page;

    @BeforeAll
    static void renderThePage() throws Exception {
        dashboard = new RunningDashboard();
        for (long id = 1; id <= 4; id++) {
            RequestInfo request = new RequestInfo(id, EndpointsApiTest.GET_CUSTOMER);
            dashboard.executedIn(request, EndpointsApiTest.CUSTOMER_SQL, 3)
                    .executedIn(request, EndpointsApiTest.ORDERS_SQL, 2).completed(request);
        }
        RequestInfo search = new RequestInfo(9, MARKUP_ENDPOINT);
        dashboard.executedIn(search, EndpointsApiTest.ORDERS_SQL, 1).completed(search)
                .executed(EndpointsApiTest.ORDERS_SQL, 1, null).processed();
        String id = dashboard.getJson("/api/endpoints").get("endpoints").get(0).get("id").asText();
        page = Jsoup.parse(HeadlessChromium.dumpDom(dashboard.server.url() + "#endpoints/" + id, 5_000, workDir));
    }

    @AfterAll
    static void close() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @Test
    void opensTheEndpointsViewFromItsLink() {
        assertThat(page.select("#endpoints").hasAttr("hidden")).isFalse();
        assertThat(page.select("#queries").hasAttr("hidden")).isTrue();
    }

    @Test
    void showsOneRowPerEndpointMostTimeFirstThenByName() {
        assertThat(page.select("#endpoint-rows button.endpoint").eachText()).containsExactly(
                EndpointsApiTest.GET_CUSTOMER, MARKUP_ENDPOINT, "no request: main");
    }

    @Test
    void showsRequestsStatementsAndDatabaseTimePerRequest() {
        assertThat(page.select("#endpoint-rows tr").first().select("td").eachText()).containsExactly(
                EndpointsApiTest.GET_CUSTOMER, "4", "8", "2", "2", "5.00", "5.00", "20.00", "0");
    }

    @Test
    void showsADashForFiguresPerRequestOutsideRequests() {
        assertThat(page.select("#endpoint-rows tr").get(2).select("td").eachText()).containsExactly(
                "no request: main", "0", "1", "\u2013", "\u2013", "\u2013", "\u2013", "1.00", "0");
    }

    @Test
    void showsTheQueriesOfTheLinkedEndpoint() {
        assertThat(page.select("#endpoint-detail h2").text()).isEqualTo("Queries of " + EndpointsApiTest.GET_CUSTOMER);
        assertThat(page.select("#endpoint-detail tbody tr")).hasSize(2);
        assertThat(page.select("#endpoint-detail tbody tr").first().select("td").eachText()).containsExactly(
                EndpointsApiTest.CUSTOMER_SQL, "4", "12.00");
    }

    @Test
    void showsEndpointNamesContainingMarkupAsText() {
        assertThat(page.select("#endpoints script")).isEmpty();
    }
}
