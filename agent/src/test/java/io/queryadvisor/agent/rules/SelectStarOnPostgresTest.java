package io.queryadvisor.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.shop.PriceTag;
import com.example.shop.ProductCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.selectstar.SelectStarRule;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.TestSchema;

/** The select-star rule on what an application runs through a HikariCP pool on PostgreSQL, captured by the agent. */
class SelectStarOnPostgresTest {

    /** Products 1, 2 and 3 cost less (1.50, 3.00, 4.50). */
    private static final BigDecimal LIMIT = new BigDecimal("6.00");
    private static final Pattern SELECT_LIST = Pattern.compile("(?is)^\\s*select\\s+(.+?)\\s+from\\s");

    private static TestSchema shop;

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.withDefaults();

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(SelectStarOnPostgresTest.class);
    }

    @Test
    void selectStarFindingNamesTheColumnsTheCodeRead() throws SQLException {
        List<PriceTag> tags = new ProductCatalog(agent.pool(shop)).cheaperThanFetchingEveryColumn(LIMIT);

        assertThat(tags).extracting(PriceTag::name).containsExactly("Product 1", "Product 2", "Product 3");
        Recommendation finding = agent.onlyFinding(SelectStarRule.ID);
        assertThat(finding.fingerprint()).containsIgnoringCase("products");
        assertThat(finding.evidence()).containsEntry("columnsRead", "name, price");
        assertThat(finding.suggestion().code()).as("the statement rewritten with the columns read").isNotNull();
        assertThat(selectList(finding.suggestion().code())).containsExactly("name", "price");
    }

    @Test
    void explicitColumnListIsNotSelectStar() throws SQLException {
        List<PriceTag> tags = new ProductCatalog(agent.pool(shop)).cheaperThan(LIMIT);

        assertThat(tags).extracting(PriceTag::name).containsExactly("Product 1", "Product 2", "Product 3");
        assertThat(agent.onlyQuery(StatementType.SELECT, "products").count()).isEqualTo(1);
        assertThat(agent.findings(SelectStarRule.ID)).isEmpty();
    }

    /** The top-level select list of {@code sql}, lower case, one entry per column. */
    private static List<String> selectList(String sql) {
        Matcher m = SELECT_LIST.matcher(sql);
        assertThat(m.find()).as("a SELECT ... FROM statement: %s", sql).isTrue();
        return Arrays.stream(m.group(1).split(",")).map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
    }
}
