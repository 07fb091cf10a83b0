package io.queryadvisor.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;

import com.example.shop.ProductCatalog;
import com.example.shop.ShopSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.slowquery.SlowQueryRule;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.TestSchema;

/**
 * Primary-key lookups, the whole workload, are no slow query. The threshold sits far above what
 * any lookup or all of them together can take on a loaded machine, so that the test checks the
 * rule's judgement, not the machine's speed (at 100 ms, twenty lookups on a machine with a load
 * of 30 added up to the "takes most of the database time" bar).
 */
class FastQueriesOnPostgresTest {

    private static TestSchema shop;

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.with(Map.of(
            "rules.slow-query.threshold", "30s",
            "rules.slow-query.logLimitPerSecond", "0"));

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(FastQueriesOnPostgresTest.class);
    }

    @Test
    void fastQueriesAreNotSlow() throws SQLException {
        ProductCatalog catalog = new ProductCatalog(agent.pool(shop));
        for (int round = 0; round < 2; round++) {
            for (long product = 1; product <= ShopSchema.PRODUCTS; product++) {
                assertThat(catalog.nameOf(product)).isEqualTo("Product " + product);
            }
        }

        assertThat(agent.onlyQuery(StatementType.SELECT, "products").count()).isEqualTo(2L * ShopSchema.PRODUCTS);
        assertThat(agent.findings(SlowQueryRule.ID)).isEmpty();
    }
}
