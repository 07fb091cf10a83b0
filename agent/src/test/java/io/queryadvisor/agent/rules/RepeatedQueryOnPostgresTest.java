package io.queryadvisor.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.example.shop.ProductAvailability;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.repeatedquery.RepeatedQueryRule;
import io.queryadvisor.advisor.stats.CallSiteCount;
import io.queryadvisor.agent.instrument.servlet.RequestTracking;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.TestSchema;

/**
 * The repeated-identical-query rule on what an application runs through a HikariCP pool on
 * PostgreSQL, captured by the agent: the same product loaded by id twice in one request, and the
 * near misses that must stay silent.
 */
class RepeatedQueryOnPostgresTest {

    private static final String AVAILABILITY = "/products/3/availability";

    private static TestSchema shop;

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.withDefaults();

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(RepeatedQueryOnPostgresTest.class);
        try (Connection connection = shop.connect(); Statement s = connection.createStatement()) {
            s.execute("CREATE SEQUENCE order_ids");
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    /** {@code work} as one HTTP request, marked as the agent's servlet advice marks it. */
    private static void inRequest(String method, String uri, Work work) throws SQLException {
        RequestTracking.enter(method, uri);
        try {
            work.run();
        } finally {
            RequestTracking.exit();
        }
    }

    @Test
    void theSameProductLoadedByIdTwiceInOneRequestIsFound() throws SQLException {
        ProductAvailability availability = new ProductAvailability(agent.pool(shop));

        inRequest("GET", AVAILABILITY, () -> availability.loadingTheProductTwice(3));

        Recommendation finding = agent.onlyFinding(RepeatedQueryRule.ID);
        assertThat(finding.fingerprint()).containsIgnoringCase("from products where id = ?");
        assertThat(finding.evidence())
                .containsEntry("unitOfWorkKind", "request")
                .containsEntry("maxRepetitions", 2L)
                .containsEntry("executionsACacheWouldSave", 1L)
                .containsEntry("tablesWrittenBetween", "no")
                .containsEntry("endpoints", "GET /products/{id}/availability (1)");
        assertThat(finding.callSites()).extracting(CallSiteCount::callSite)
                .allMatch(site -> site.startsWith(ProductAvailability.class.getName() + "."));
        assertThat(finding.suggestion().text()).contains("It loads one row by its id");
    }

    @Test
    void theProductLoadedOnceAndHandedAlongIsNot() throws SQLException {
        ProductAvailability availability = new ProductAvailability(agent.pool(shop));

        inRequest("GET", AVAILABILITY + "/loaded-once", () -> availability.loadingTheProductOnce(3));

        assertThat(agent.statements()).hasSize(2);
        assertThat(agent.findings(RepeatedQueryRule.ID)).isEmpty();
    }

    @Test
    void twoProductsLoadedByIdInOneRequestAreNot() throws SQLException {
        ProductAvailability availability = new ProductAvailability(agent.pool(shop));

        inRequest("GET", "/compare", () -> {
            availability.loadingTheProductOnce(3);
            availability.loadingTheProductOnce(4);
        });

        assertThat(agent.findings(RepeatedQueryRule.ID)).isEmpty();
    }

    @Test
    void anInListReadTwiceInOneRequestIsNot() throws SQLException {
        ProductAvailability availability = new ProductAvailability(agent.pool(shop));

        inRequest("GET", "/bundle", () -> {
            availability.stockOf(3, 4);
            availability.stockOf(3, 4);
        });

        assertThat(agent.findings(RepeatedQueryRule.ID)).isEmpty();
    }

    @Test
    void theSameProductLoadedTwiceOutsideAnyRequestIsNot() throws SQLException {
        new ProductAvailability(agent.pool(shop)).loadingTheProductTwice(3);

        assertThat(agent.findings(RepeatedQueryRule.ID)).isEmpty();
    }

    @Test
    void aSequenceDrawnFromThreeTimesInOneRequestIsNot() throws SQLException {
        DataSource pool = agent.pool(shop);

        inRequest("POST", "/orders", () -> {
            try (Connection connection = pool.getConnection(); Statement s = connection.createStatement()) {
                for (int i = 0; i < 3; i++) {
                    try (ResultSet rs = s.executeQuery("select nextval('order_ids')")) {
                        rs.next();
                    }
                }
            }
        });

        assertThat(agent.statements()).hasSize(3);
        assertThat(agent.findings(RepeatedQueryRule.ID)).isEmpty();
    }
}
