package io.queryadvisor.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.LongStream;

import com.example.shop.OrderHistory;
import com.example.shop.OrderImport;
import com.example.shop.OrderLine;
import com.example.shop.ShopSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.nplusone.NPlusOneRule;
import io.queryadvisor.advisor.stats.CallSiteCount;
import io.queryadvisor.advisor.stats.QueryStats;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.SourceLines;
import io.queryadvisor.testing.TestSchema;

/** The n-plus-one rule on what an application runs through a HikariCP pool on PostgreSQL, captured by the agent. */
class NPlusOneOnPostgresTest {

    private static TestSchema shop;

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.withDefaults();

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(NPlusOneOnPostgresTest.class);
    }

    @Test
    void nPlusOneLoopIsFoundWithItsCallSiteAndCount() throws SQLException {
        List<OrderLine> lines = new OrderHistory(agent.pool(shop)).linesOneOrderAtATime(ShopSchema.REGULAR_CUSTOMER);

        assertThat(lines).isEqualTo(ShopSchema.regularCustomerLines());
        String loop = SourceLines.callSite(OrderHistory.class, "linesOneOrderAtATime", "call site of the N+1 loop");
        Recommendation finding = agent.onlyFinding(NPlusOneRule.ID);
        assertThat(finding.fingerprint()).containsIgnoringCase("order_lines");
        assertThat(finding.callSites()).extracting(CallSiteCount::callSite).containsExactly(loop);
        assertThat(finding.evidence())
                .containsEntry("unitsOfWork", 1L)
                .containsEntry("loops", 1L)
                .containsEntry("maxRepetitions", (long) ShopSchema.REGULAR_CUSTOMER_ORDERS)
                .containsEntry("executionsInLoops", (long) ShopSchema.REGULAR_CUSTOMER_ORDERS)
                .containsEntry("sourceRowsRead", (long) ShopSchema.REGULAR_CUSTOMER_ORDERS)
                .containsEntry("callSites", loop);
        assertThat(finding.evidence().get("sourceQuery")).asString()
                .containsIgnoringCase("orders").doesNotContainIgnoringCase("order_lines");
    }

    @Test
    void sameDataReadWithOneJoinIsNotNPlusOne() throws SQLException {
        List<OrderLine> lines = new OrderHistory(agent.pool(shop)).linesInOneQuery(ShopSchema.REGULAR_CUSTOMER);

        assertThat(lines).isEqualTo(ShopSchema.regularCustomerLines());
        QueryStats join = agent.onlyQuery(StatementType.SELECT, "order_lines");
        assertThat(join.count()).isEqualTo(1);
        assertThat(join.rows()).isEqualTo(lines.size());
        assertThat(agent.findings(NPlusOneRule.ID)).isEmpty();
    }

    @Test
    void batchInsertIsNotNPlusOne() throws SQLException {
        List<OrderLine> imported = LongStream.rangeClosed(1, 20)
                .mapToObj(n -> new OrderLine(ShopSchema.IMPORT_ORDER, 1 + n % ShopSchema.PRODUCTS, (int) n))
                .toList();

        int inserted = new OrderImport(agent.pool(shop)).addLines(imported);

        assertThat(inserted).isEqualTo(20);
        QueryStats insert = agent.onlyQuery(StatementType.INSERT, "order_lines");
        assertThat(insert.count()).isEqualTo(1);
        assertThat(insert.batchedStatements()).isEqualTo(20);
        assertThat(agent.findings(NPlusOneRule.ID)).isEmpty();
    }

    @Test
    void identicalRepeatsAreNotNPlusOne() throws SQLException {
        int read = new OrderHistory(agent.pool(shop)).linesOfOneOrderRepeatedly(1, 8);

        assertThat(read).isEqualTo(8 * ShopSchema.LINES_PER_ORDER);
        assertThat(agent.onlyQuery(StatementType.SELECT, "order_lines").count()).isEqualTo(8);
        assertThat(agent.findings(NPlusOneRule.ID)).isEmpty();
    }
}
