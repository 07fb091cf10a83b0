package io.queryadvisor.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.example.shop.Storefront;

import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.stats.QueryStats;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.TestSchema;

/**
 * What the rules are fed: every statement an application runs through HikariCP counted exactly once,
 * neither twice (the pool's logical connection and the physical one under it are both JDBC
 * connections the advice sees) nor with the pool's own statements.
 */
class StatementCountOnPostgresTest {

    private static final int VISITS = 3;

    private static TestSchema shop;

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.withDefaults();

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(StatementCountOnPostgresTest.class);
    }

    @Test
    void eachStatementIsCountedOnceThroughHikari() throws SQLException {
        // The pool runs a statement of its own on every physical connection it opens: not the application's.
        Storefront store = new Storefront(agent.pool(shop,
                config -> config.setConnectionInitSql("SET application_name = 'shop'")));
        for (long product = 1; product <= VISITS; product++) {
            store.visit(product);
        }

        assertThat(agent.onlyQuery(StatementType.SELECT, "customers").count()).isEqualTo(VISITS);
        QueryStats product = agent.onlyQuery(StatementType.SELECT, "products");
        assertThat(product.count()).isEqualTo(2 * VISITS);
        assertThat(product.rows()).isEqualTo(2 * VISITS);
        assertThat(agent.onlyQuery(StatementType.UPDATE, "products").count()).isEqualTo(VISITS);
        WorkloadSnapshot snapshot = agent.snapshot();
        assertThat(snapshot.queries()).extracting(QueryStats::fingerprint).hasSize(3);
        assertThat(snapshot.health().statementsObserved()).isEqualTo((long) VISITS * Storefront.STATEMENTS_PER_VISIT);
        assertThat(snapshot.health().eventsDropped()).isZero();
    }
}
