package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dashboard bound beyond loopback, opened in a real browser with the link the agent prints:
 * the page and every request it makes itself are answered, through the cookie the link left.
 * Needs Chromium (see {@link HeadlessChromium}).
 */
class TokenBrowserTest {

    @TempDir
    static Path workDir;

    private static RunningDashboard dashboard;

    @BeforeAll
    static void start() {
        dashboard = new RunningDashboard(new DashboardConfig(true, "0.0.0.0", 0));
        dashboard.executed(QueriesApiTest.CUSTOMER_SQL, 1, QueriesApiTest.FIND_CUSTOMER).processed();
    }

    @AfterAll
    static void close() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    private static String loopbackUrl(String pathAndQuery) {
        return "http://127.0.0.1:" + dashboard.server.port() + pathAndQuery;
    }

    @Test
    void thePageOpenedWithTheLinkKeepsTheTokenForItsOwnRequests() throws Exception {
        Document page = Jsoup.parse(HeadlessChromium.dumpDom(loopbackUrl("/?token=" + dashboard.server.token()), 5_000,
                Files.createDirectories(workDir.resolve("with-token"))));

        assertThat(page.select("#query-rows tr")).hasSize(1);
    }

    @Test
    void thePageOpenedWithoutTheTokenIsRefused() throws Exception {
        String dom = HeadlessChromium.dumpDom(loopbackUrl("/"), 2_000, Files.createDirectories(workDir.resolve("without")));

        assertThat(dom).contains("needs its token").doesNotContain("query-rows");
    }
}
