package io.queryadvisor.samples.shop.db;

import com.zaxxer.hikari.HikariDataSource;
import io.queryadvisor.samples.shop.ShopFixture;
import io.queryadvisor.samples.shop.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataGeneratorTest {

    private static ShopFixture shop;

    @BeforeAll
    static void generate() throws SQLException {
        shop = ShopFixture.get();
    }

    @Test
    void generatesTheDocumentedNumberOfRowsAtScaleOne() throws SQLException {
        // Tests elsewhere may have placed orders since: count the generated ones (ids 1..60000).
        assertThat(shop.queryForLong("SELECT count(*) FROM customers")).isEqualTo(20_000);
        assertThat(shop.queryForLong("SELECT count(*) FROM products")).isEqualTo(2_000);
        assertThat(shop.queryForLong("SELECT count(*) FROM orders WHERE id <= 60000")).isEqualTo(60_000);
        assertThat(shop.queryForLong("SELECT count(*) FROM order_lines WHERE order_id <= 60000")).isEqualTo(180_000);
        assertThat(shop.data().orderLines()).isEqualTo(180_000);
    }

    @Test
    void givesEveryRegularCustomerTwelveOrdersOrMore() throws SQLException {
        long regularsWithFewerOrders = shop.queryForLong("""
                SELECT count(*) FROM customers c
                 WHERE c.id <= ? AND (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) < ?""",
                shop.data().regularCustomers(), DataSet.REGULAR_ORDERS);

        assertThat(regularsWithFewerOrders).isZero();
    }

    @Test
    void givesEveryCustomerTheEmailTheTrafficLogsInWith() throws SQLException {
        assertThat(shop.queryForLong("SELECT id FROM customers WHERE email = ?", DataSet.emailOf(4242))).isEqualTo(4242);
    }

    @Test
    void continuesOrderIdsAfterTheGeneratedOnes() throws SQLException {
        assertThat(shop.queryForLong("SELECT last_value FROM orders_id_seq")).isGreaterThanOrEqualTo(60_000);
    }

    @Test
    void leavesCustomerEmailUnindexedForTheMissingIndexFinding() throws SQLException {
        assertThat(indexesOn("customers", "email")).isZero();
    }

    @Test
    void indexesTheColumnsTheWellWrittenQueriesFilterOn() throws SQLException {
        assertThat(indexesOn("orders", "customer_id")).isEqualTo(1);
        assertThat(indexesOn("order_lines", "order_id")).isEqualTo(1);
        assertThat(indexesOn("products", "category")).isEqualTo(1);
    }

    @Test
    void refusesToCreateTablesOutsideItsOwnSchema() throws SQLException {
        // A connection whose search path is "public": unqualified CREATE TABLEs would land there.
        try (HikariDataSource elsewhere = TestDatabase.openPool("public");
             Connection connection = elsewhere.getConnection()) {
            connection.setAutoCommit(false);
            try {
                assertThatThrownBy(() -> new ShopSchema("shop_test_elsewhere").recreate(connection))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("current schema is public, not shop_test_elsewhere");
            } finally {
                connection.rollback();
            }
        }
    }

    private static long indexesOn(String table, String column) throws SQLException {
        return shop.queryForLong("""
                SELECT count(*) FROM pg_index i
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                 WHERE i.indrelid = (quote_ident(current_schema()) || '.' || ?)::regclass AND a.attname = ?""",
                table, column);
    }
}
