package io.queryadvisor.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.example.shop.OrderHistory;
import com.example.shop.ProductCatalog;
import com.example.shop.ShopSchema;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.faults.FaultInjection;
import io.queryadvisor.advisor.faults.FaultyStep;
import io.queryadvisor.advisor.pool.PoolView;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.nplusone.NPlusOneRule;
import io.queryadvisor.advisor.rules.selectstar.SelectStarRule;
import io.queryadvisor.capture.QueryAdvisor;
import io.queryadvisor.capture.jdbc.CapturingConnection;
import io.queryadvisor.dashboard.DashboardConfig;
import io.queryadvisor.dashboard.DashboardServer;
import io.queryadvisor.testing.Eventually;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.TestSchema;

/**
 * Each internal step of Query Advisor made to throw ({@link FaultInjection}, armed for this module's
 * tests), under a shop running real statements on PostgreSQL through a captured HikariCP pool, the
 * advisor and its dashboard: the application sees no failure and gets its results, the fault is
 * logged once, the broken part switches itself off and the rest carries on.
 */
class FaultInjectionOnPostgresTest {

    /** A guard against a hang, far above what the few statements here take; nothing depends on the machine's speed. */
    private static final Duration GUARD = Duration.ofSeconds(30);
    /** More than the failures a part is allowed before it is switched off (100). */
    private static final int ROUNDS_PAST_SWITCH_OFF = 12;
    /** Each test's pool has a name of its own: a part says its failure once per pool, once per JVM. */
    private static final AtomicInteger POOLS = new AtomicInteger();

    private static TestSchema shop;

    private final QueryAdvisorLog log = new QueryAdvisorLog();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HikariDataSource pool;
    private QueryAdvisor queryAdvisor;
    private DashboardServer dashboard;
    private DataSource dataSource;

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(FaultInjectionOnPostgresTest.class);
    }

    @AfterEach
    void stop() {
        FaultInjection.mend();
        try {
            if (dashboard != null) {
                dashboard.close();
            }
            if (queryAdvisor != null) {
                queryAdvisor.close();
            }
            if (pool != null) {
                pool.close();
            }
        } finally {
            log.close();
        }
    }

    @Test
    void aBrokenRecordStepCostsTheApplicationNothingAndSwitchesCaptureOff() throws Exception {
        start(Map.of());
        FaultInjection.breakStep(FaultyStep.RECORD, null);

        runTheShop(ROUNDS_PAST_SWITCH_OFF);

        assertThat(log.timesSaid("injected fault at RECORD")).isEqualTo(1);
        assertThat(log.timesSaid("capture failed 100 times and is switched off")).isEqualTo(1);
        assertConnectionsHandedOutUnwrapped();
        assertThat(ask("/api/queries").statusCode()).isEqualTo(200);
    }

    @Test
    void aBrokenHandOffCostsTheApplicationNothingAndSwitchesCaptureOff() throws Exception {
        start(Map.of());
        FaultInjection.breakStep(FaultyStep.OFFER, null);

        runTheShop(ROUNDS_PAST_SWITCH_OFF);

        // The capture path says it once; the pool sampler, whose samples are lost too, speaks for itself.
        assertThat(log.timesSaid("could not hand an event to the advisor")).isEqualTo(1);
        assertConnectionsHandedOutUnwrapped();
        assertThat(ask("/api/queries").statusCode()).isEqualTo(200);
    }

    @Test
    void aRuleFailingOnEveryEventIsSwitchedOffAndTheOtherRulesStillFind() throws Exception {
        start(Map.of());
        FaultInjection.breakStep(FaultyStep.DISPATCH, "rule " + SelectStarRule.ID);

        runTheShop(ROUNDS_PAST_SWITCH_OFF);

        Advisor advisor = idleAdvisor();
        assertThat(log.timesSaid("injected fault at DISPATCH")).isEqualTo(1);
        assertThat(advisor.health().switchedOff()).containsExactly("rule " + SelectStarRule.ID);
        assertThat(rulesThatFound(advisor)).contains(NPlusOneRule.ID).doesNotContain(SelectStarRule.ID);
    }

    @Test
    void aFailingPublicationLeavesReadersTheLastOneAndTheConsumerGoesOn() throws Exception {
        start(Map.of());
        long before = idleAdvisor().health().statementsObserved();
        FaultInjection.breakStep(FaultyStep.PUBLISH, null);

        runTheShop(1);
        idleAdvisor();
        assertThat(queryAdvisor.advisor().health().statementsObserved()).as("the last publication").isEqualTo(before);
        assertThat(ask("/api/queries").statusCode()).isEqualTo(200);
        FaultInjection.mend();
        runTheShop(1);

        Advisor advisor = idleAdvisor();
        assertThat(log.timesSaid("injected fault at PUBLISH")).isEqualTo(1);
        assertThat(advisor.health().statementsObserved()).as("every statement, processed meanwhile").isEqualTo(20);
        assertThat(rulesThatFound(advisor)).contains(NPlusOneRule.ID, SelectStarRule.ID);
    }

    @Test
    void aRuleFailingToMakeItsFindingsIsSwitchedOffAndTheOtherRulesStillFind() throws Exception {
        start(Map.of());
        FaultInjection.breakStep(FaultyStep.RECOMMEND, SelectStarRule.ID);

        runTheShop(1);
        idleAdvisor();
        runTheShop(1); // a second publication: the rule is not asked again, nor logged again

        Advisor advisor = idleAdvisor();
        assertThat(log.timesSaid("injected fault at RECOMMEND")).isEqualTo(1);
        assertThat(advisor.health().switchedOff()).containsExactly("rule " + SelectStarRule.ID);
        assertThat(ask("/api/queries").body()).contains("\"switchedOff\":[\"rule select-star\"]");
        assertThat(rulesThatFound(advisor)).contains(NPlusOneRule.ID).doesNotContain(SelectStarRule.ID);
    }

    @Test
    void aBrokenProbeIsSwitchedOffAndTheRulesGoOnWithoutIt() throws Exception {
        // the schema check is the probe's first request, on the first tick after the database is known
        start(Map.of("rules.duplicate-index.firstCheckAfter", "0s"));
        FaultInjection.breakStep(FaultyStep.PROBE, null);

        runTheShop(1);
        Eventually.get(() -> queryAdvisor.advisor().probe().counters().failures(), f -> f.containsKey("INTERNAL"),
                "the probe's internal failure");
        runTheShop(1);

        Advisor advisor = idleAdvisor();
        assertThat(log.timesSaid("injected fault at PROBE")).isEqualTo(1);
        assertThat(advisor.health().switchedOff()).containsExactly("database probe");
        assertThat(advisor.probe().submit(null)).as("a switched-off probe takes no request").isFalse();
        assertThat(rulesThatFound(advisor)).contains(NPlusOneRule.ID, SelectStarRule.ID);
    }

    @Test
    void aBrokenPoolSamplerStopsSamplingThePoolAndCaptureGoesOn() throws Exception {
        FaultInjection.breakStep(FaultyStep.POOL_SAMPLER, null); // its first reading, as the pool is first seen
        start(Map.of());

        Eventually.get(() -> log.timesSaid("injected fault at POOL_SAMPLER"), n -> n > 0, "the sampler's failure");
        runTheShop(1);

        Advisor advisor = idleAdvisor();
        assertThat(log.timesSaid("injected fault at POOL_SAMPLER")).isEqualTo(1);
        PoolView view = advisor.pools().pools().get(0);
        assertThat(view.sampled()).as("gauges read from the pool").isFalse();
        assertThat(view.acquire().count()).as("checkouts still captured").isPositive();
        assertThat(rulesThatFound(advisor)).contains(NPlusOneRule.ID, SelectStarRule.ID);
    }

    @Test
    void aBrokenDashboardEndpointAnswers500AndTheOthersStillAnswer() throws Exception {
        start(Map.of());
        FaultInjection.breakStep(FaultyStep.DASHBOARD, "/api/recommendations");

        runTheShop(1);
        idleAdvisor();

        assertThat(ask("/api/recommendations").statusCode()).isEqualTo(500);
        assertThat(ask("/api/recommendations").statusCode()).isEqualTo(500);
        assertThat(ask("/api/queries").statusCode()).isEqualTo(200);
        assertThat(ask("/api/pools").statusCode()).isEqualTo(200);
        assertThat(log.timesSaid("injected fault at DASHBOARD")).isEqualTo(1);
    }

    @Test
    void aBrokenExitReportLeavesNoFileBehindAndLetsTheJvmExit(@TempDir Path dir) throws Exception {
        start(Map.of());
        FaultInjection.breakStep(FaultyStep.EXIT_REPORT, null);
        runTheShop(1);
        Path report = dir.resolve("report.md");

        new ReportOnExit(queryAdvisor.advisor(), report).run(); // a shutdown hook: it must return, not throw
        new ReportOnExit(queryAdvisor.advisor(), report).run();

        assertThat(report).doesNotExist();
        assertThat(dir.resolve("report.md.partial")).doesNotExist();
        assertThat(log.timesSaid("injected fault at EXIT_REPORT")).isEqualTo(1);
        assertThat(ask("/api/recommendations").statusCode()).isEqualTo(200);
    }

    private void start(Map<String, String> settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(shop.jdbcUrl());
        config.setUsername(shop.user());
        config.setPassword(shop.password());
        config.setPoolName("faulty-shop-" + POOLS.incrementAndGet());
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        queryAdvisor = QueryAdvisor.start(settings);
        dataSource = queryAdvisor.capture(pool);
        dashboard = DashboardServer.start(new DashboardConfig(true, DashboardConfig.DEFAULT_HOST, 0),
                queryAdvisor.advisor());
    }

    /**
     * The application: an N+1 loop over the regular customer's orders (9 statements) and a
     * {@code SELECT *} listing, {@code rounds} times, every result checked: any failure of ours that
     * reached the application would fail here.
     */
    private void runTheShop(int rounds) throws SQLException {
        for (int i = 0; i < rounds; i++) {
            assertThat(new OrderHistory(dataSource).linesOneOrderAtATime(ShopSchema.REGULAR_CUSTOMER))
                    .isEqualTo(ShopSchema.regularCustomerLines());
            // products n are priced 1.5 n: 1, 2 and 3 are under 5
            assertThat(new ProductCatalog(dataSource).cheaperThanFetchingEveryColumn(new BigDecimal("5"))).hasSize(3);
        }
    }

    private void assertConnectionsHandedOutUnwrapped() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection).as("capture switched off").isNotInstanceOf(CapturingConnection.class);
        }
    }

    private Advisor idleAdvisor() {
        Advisor advisor = queryAdvisor.advisor();
        assertThat(advisor.awaitIdle(GUARD)).as("the advisor caught up").isTrue();
        return advisor;
    }

    private static List<String> rulesThatFound(Advisor advisor) {
        return advisor.recommendations().stream().map(Recommendation::rule).distinct().toList();
    }

    private HttpResponse<String> ask(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(dashboard.url() + path.substring(1)))
                .timeout(GUARD).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
