package io.queryadvisor.samples.shop.traffic;

import io.queryadvisor.samples.shop.ShopFixture;
import io.queryadvisor.samples.shop.storefront.BackOffice;
import io.queryadvisor.samples.shop.storefront.Storefront;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The statement counts per iteration that samples/README.md documents and the end-to-end tests rely on. */
class TrafficMixTest {

    static final String CUSTOMER_BY_ID = "SELECT id, name, email, city FROM customers WHERE id = ?";
    static final String CUSTOMER_BY_EMAIL = "SELECT id, name FROM customers WHERE email = ?";
    static final String PRODUCTS_BY_CATEGORY = "SELECT * FROM products WHERE category = ?";
    static final String PRODUCT_PAGE = "SELECT id, name, price FROM products WHERE id > ? ORDER BY id LIMIT ?";
    static final String RECENT_ORDERS = "SELECT id, customer_id, status, created_at FROM orders WHERE customer_id = ? "
            + "ORDER BY created_at DESC, id DESC LIMIT ?";
    static final String LINES_OF_ORDER = "SELECT id, order_id, product_id, quantity, unit_price FROM order_lines "
            + "WHERE order_id = ? ORDER BY id";
    static final String RECENT_ORDERS_WITH_LINES = "SELECT o.id AS order_id, o.customer_id, o.status, o.created_at, "
            + "ol.id AS line_id, ol.product_id, ol.quantity, ol.unit_price FROM (SELECT id, customer_id, status, created_at "
            + "FROM orders WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT ?) o "
            + "LEFT JOIN order_lines ol ON ol.order_id = o.id ORDER BY o.created_at DESC, o.id DESC, ol.id";
    static final String INSERT_ORDER = "INSERT INTO orders (customer_id, status, created_at) VALUES (?, ?, localtimestamp) RETURNING id";
    static final String INSERT_LINES = "INSERT INTO order_lines (order_id, product_id, quantity, unit_price) VALUES (?, ?, ?, ?)";
    static final String TOP_CUSTOMERS = "SELECT c.id, c.name, (SELECT COALESCE(SUM(ol.quantity * ol.unit_price), 0) "
            + "FROM orders o JOIN order_lines ol ON ol.order_id = o.id WHERE o.customer_id = c.id AND o.status <> ?) AS revenue "
            + "FROM customers c CROSS JOIN (SELECT pg_sleep(0.15)) AS floor_of_a_slow_report ORDER BY revenue DESC, c.id LIMIT ?";

    static final String ORDERS_PAGE = "SELECT id, customer_id, status, created_at FROM orders ORDER BY id DESC LIMIT ? OFFSET ?";
    static final String COUNT_ORDERS = "SELECT count(*) FROM orders";
    static final String ORDERS_BEFORE = "SELECT id, customer_id, status, created_at FROM orders WHERE id < ? ORDER BY id DESC LIMIT ?";
    static final String ORDERS_OF_CUSTOMER_INLINED = "SELECT id, customer_id, status, created_at FROM orders WHERE customer_id = ";
    static final String ORDERS_OF_CUSTOMER = "SELECT id, customer_id, status, created_at FROM orders WHERE customer_id = ? ORDER BY id DESC";
    static final String ADD_STOCK = "UPDATE products SET stock = stock + ? WHERE id = ?";
    static final String ASSIGN_CUSTOMER = "UPDATE orders SET customer_id = ? WHERE id = ?";
    static final String PRODUCT_SUMMARY = "SELECT id, name, price FROM products WHERE id = ?";
    static final String PRODUCT_FOR_PAGE = "SELECT p.id, p.name, p.price FROM products p WHERE p.id = ?";
    static final String EXPORT_CUSTOMERS = "SELECT id, name FROM customers";
    static final String EXPORT_CUSTOMERS_PAGE = "SELECT id, name FROM customers WHERE id > ? ORDER BY id LIMIT ?";

    private static ShopFixture shop;

    @BeforeAll
    static void openShop() throws SQLException {
        shop = ShopFixture.get();
    }

    @Test
    void runsFortyTwoStatementsInAnOrdinaryIteration() throws Exception {
        assertThat(statementsOf(1, 42)).isEqualTo(ordinaryIteration());
        assertThat(statementsOf(1, 42).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(42);
    }

    @Test
    void addsTheSlowReportAndTheExportsEveryTwentiethIterationStartingWithTheFirst() throws Exception {
        Map<String, Integer> expected = ordinaryIteration();
        expected.put(TOP_CUSTOMERS, 1);
        expected.put(EXPORT_CUSTOMERS, 1);
        expected.put(EXPORT_CUSTOMERS_PAGE, 1);

        assertThat(statementsOf(0, 42)).isEqualTo(expected);
        assertThat(statementsOf(40, 42)).isEqualTo(expected);
        assertThat(statementsOf(19, 42)).isEqualTo(ordinaryIteration());
    }

    @Test
    void runsTheSameStatementsWhateverTheSeed() throws Exception {
        assertThat(statementsOf(3, 1)).isEqualTo(statementsOf(3, -987_654_321));
    }

    /** Executions by SQL text; the texts with a customer's id written in are counted under their common start. */
    private static Map<String, Integer> statementsOf(long iteration, long seed) throws Exception {
        StatementCounter counter = new StatementCounter();
        new TrafficMix(new Storefront(counter.wrap(shop.pool())), shop.data(), seed).run(iteration);
        Map<String, Integer> executions = new HashMap<>();
        counter.executions().forEach((sql, count) -> executions.merge(
                sql.startsWith(ORDERS_OF_CUSTOMER_INLINED) && !sql.contains("?") ? ORDERS_OF_CUSTOMER_INLINED : sql,
                count, Integer::sum));
        return executions;
    }

    private static Map<String, Integer> ordinaryIteration() {
        Map<String, Integer> expected = new HashMap<>();
        expected.put(CUSTOMER_BY_ID, 1);
        expected.put(CUSTOMER_BY_EMAIL, 1);
        expected.put(PRODUCTS_BY_CATEGORY, 1);
        expected.put(PRODUCT_PAGE, 1);
        expected.put(RECENT_ORDERS, 1);
        expected.put(LINES_OF_ORDER, Storefront.RECENT_ORDERS);
        expected.put(RECENT_ORDERS_WITH_LINES, 1);
        expected.put(INSERT_ORDER, 2); // the checkout's and the guest's
        expected.put(INSERT_LINES, 1);
        expected.put(ASSIGN_CUSTOMER, 1);
        expected.put(PRODUCT_SUMMARY, 3);
        expected.put(PRODUCT_FOR_PAGE, 1);
        expected.put(ORDERS_PAGE, 1);
        expected.put(COUNT_ORDERS, 1);
        expected.put(ORDERS_BEFORE, 1);
        expected.put(ORDERS_OF_CUSTOMER_INLINED, 1);
        expected.put(ORDERS_OF_CUSTOMER, 1);
        expected.put(ADD_STOCK, BackOffice.RESTOCKED_PRODUCTS + 1); // one by one, then one batch
        return expected;
    }
}
