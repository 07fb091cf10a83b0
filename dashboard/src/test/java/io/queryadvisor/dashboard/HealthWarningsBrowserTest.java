package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;

/**
 * The health line warns of what makes findings missing: parses deferred for want of parse budget,
 * parts of the advisor that failed and switched themselves off. As a real browser renders it, from
 * a real advisor with no parse time and a rule that cannot make its findings. Needs Chromium (see
 * {@link HeadlessChromium}).
 */
class HealthWarningsBrowserTest {

    /** No parse time at all, and a rule that cannot make its findings. */
    @AutoClose
    private static final RunningDashboard DASHBOARD = new RunningDashboard(
            Settings.fromStrings(Map.of("advisor.parseMillisPerSecond", "0"), "test"), List.of(new BrokenRule()));
    private static Document page;

    @BeforeAll
    static void renderThePage(@TempDir Path workDir) throws Exception {
        DASHBOARD.executed(QueriesApiTest.CUSTOMER_SQL, 1, QueriesApiTest.FIND_CUSTOMER).processed();
        page = Jsoup.parse(HeadlessChromium.dumpDom(DASHBOARD.server.url(), 5_000, workDir));
    }

    @Test
    void warnsOfParsesDeferred() {
        assertThat(page.select("#health .metric.warn").eachText()).contains("Parses deferred: 1");
    }

    @Test
    void warnsOfThePartsSwitchedOff() {
        assertThat(page.select("#health .metric.warn").eachText())
                .contains("Switched off after failing: rule test-broken");
    }

    /** A rule whose findings always fail. */
    private static final class BrokenRule implements Rule {
        @Override
        public RuleDescriptor descriptor() {
            return new RuleDescriptor("test-broken", "Broken", "none", RuleDescriptor.Kind.QUERY, "always fails");
        }

        @Override
        public void onEvent(CaptureEvent event) {
        }

        @Override
        public List<Recommendation> recommend(RuleContext context) {
            throw new IllegalStateException("this rule cannot make its findings");
        }
    }
}
