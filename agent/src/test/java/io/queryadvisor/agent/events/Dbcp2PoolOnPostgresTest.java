package io.queryadvisor.agent.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.commons.dbcp2.BasicDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.example.shop.Storefront;

import io.queryadvisor.advisor.capture.ConnectionAcquired;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.pool.PoolSummary;
import io.queryadvisor.advisor.pool.PoolView;
import io.queryadvisor.advisor.report.Json;
import io.queryadvisor.agent.rules.AgentUnderTest;
import io.queryadvisor.dashboard.DashboardConfig;
import io.queryadvisor.dashboard.DashboardServer;
import io.queryadvisor.testing.Eventually;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.TestSchema;

/**
 * An Apache Commons DBCP2 pool on PostgreSQL, through the agent: its gauges and settings sampled
 * and served at {@code GET /api/pools}, its checkouts timed under its name, all of it in the report.
 */
class Dbcp2PoolOnPostgresTest {

    /** DBCP2's BasicDataSource has no pool name: it is named after its class. */
    private static final String NAME = BasicDataSource.class.getName();

    private static TestSchema shop;

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.withDefaults();

    private final BasicDataSource pool = new BasicDataSource();

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(Dbcp2PoolOnPostgresTest.class);
    }

    @AfterEach
    void closePool() throws SQLException {
        pool.close();
    }

    @Test
    void itsGaugesAndSettingsAreSampledAndServedAtApiPools() throws Exception {
        configure(3, 1, Duration.ofSeconds(7));
        JsonNode served;
        try (Connection held = pool.getConnection()) {
            pool.getConnection().close(); // a second connection, back in the pool: one active, one idle
            Eventually.get(() -> agent.pools().pool(NAME), p -> p != null && p.latest() != null
                    && p.latest().active() == 1 && p.latest().idle() == 1, "a sample with the connection held");
            served = apiPools();
        }

        JsonNode dbcp2 = served.get("pools").get(0);
        assertThat(dbcp2.get("name").asText()).isEqualTo(NAME);
        assertThat(dbcp2.get("sampled").asBoolean()).isTrue();
        assertThat(dbcp2.get("latest").get("total").asInt()).isEqualTo(2);
        assertThat(dbcp2.get("latest").get("active").asInt()).isEqualTo(1);
        assertThat(dbcp2.get("latest").get("idle").asInt()).isEqualTo(1);
        assertThat(dbcp2.get("latest").get("waiting").asInt()).as("DBCP2 does not say").isEqualTo(-1);
        assertThat(dbcp2.get("maxActive").asInt()).isEqualTo(1);
        JsonNode settings = dbcp2.get("settings");
        assertThat(settings.get("maximumPoolSize").asInt()).isEqualTo(3);
        assertThat(settings.get("minimumIdle").asInt()).isEqualTo(1);
        assertThat(settings.get("connectionTimeoutMillis").asLong()).isEqualTo(7_000);
    }

    @Test
    void itsCheckoutsAreTimedUnderItsName() throws SQLException {
        configure(2, 0, Duration.ofSeconds(5));
        new Storefront(pool).visit(1);
        new Storefront(pool).visit(2);

        assertThat(agent.events(ConnectionAcquired.class)).hasSize(2).extracting(ConnectionAcquired::source)
                .containsOnly(NAME);
        assertThat(agent.events(ConnectionReleased.class)).hasSize(2).allSatisfy(released -> {
            assertThat(released.statements()).isEqualTo(Storefront.STATEMENTS_PER_VISIT);
            assertThat(released.heldNanos()).isGreaterThanOrEqualTo(released.statementNanos()).isPositive();
        });
        PoolView view = agent.pools().pool(NAME);
        assertThat(view.acquire().count()).isEqualTo(2);
        assertThat(view.hold().count()).isEqualTo(2);
        assertThat(view.hold().maxMillis()).isPositive();
        assertThat(view.statements()).isEqualTo(2L * Storefront.STATEMENTS_PER_VISIT);
    }

    @Test
    void theReportSummarisesItsSettingsAndCheckouts() throws Exception {
        configure(2, 0, Duration.ofSeconds(5));
        new Storefront(pool).visit(1);
        Eventually.get(() -> agent.pools().pool(NAME), p -> p != null && p.sampled(), "the pool sampled");

        PoolSummary summary = agent.advisor().report().pools().get(0);
        assertThat(summary.name()).isEqualTo(NAME);
        assertThat(summary.sampled()).isTrue();
        assertThat(summary.settings().maximumPoolSize()).isEqualTo(2);
        assertThat(summary.settings().connectionTimeoutMillis()).isEqualTo(5_000);
        assertThat(summary.maxWaiting()).as("DBCP2 does not say").isEqualTo(-1);
        assertThat(summary.acquisitions()).isEqualTo(1);
        assertThat(summary.holdP95Millis()).isPositive();
        assertThat(summary.statements()).isEqualTo(Storefront.STATEMENTS_PER_VISIT);
    }

    private void configure(int maxTotal, int minIdle, Duration maxWait) {
        pool.setUrl(shop.jdbcUrl());
        pool.setUsername(shop.user());
        pool.setPassword(shop.password());
        pool.setMaxTotal(maxTotal);
        pool.setMinIdle(minIdle);
        pool.setMaxWait(maxWait);
    }

    private JsonNode apiPools() throws Exception {
        try (DashboardServer server = DashboardServer.start(new DashboardConfig(true, "127.0.0.1", 0), agent.advisor())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/pools")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return Json.mapper().readTree(response.body());
        }
    }
}
