package io.queryadvisor.samples.springshop;

import com.fasterxml.jackson.databind.JsonNode;
import io.queryadvisor.samples.springshop.StatementLog.Execution;
import io.queryadvisor.samples.springshop.db.ShopData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.queryadvisor.samples.springshop.traffic.ShopClient.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every endpoint answers 200 with a sensible body, each twin answers what its problem answers, and
 * the statements behind each call are the planted problem's, or none of them for the twin.
 */
class ShopEndpointsTest extends ShopContextTest {

    private static final long CUSTOMER = 7;
    private static final long PRODUCT = 12_345;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void latestOrdersLoadTheirLinesOneOrderAtATimeWhileTheTwinFetchesThemWithTheOrders() throws Exception {
        JsonNode orders = get("/orders?customer=" + CUSTOMER);
        List<String> problem = statements.statements();
        JsonNode twin = get("/orders/with-lines?customer=" + CUSTOMER);

        assertThat(orders).hasSize(ShopData.ORDERS_PER_CUSTOMER).isEqualTo(twin);
        assertThat(orders.get(0).path("lines")).isNotEmpty();
        assertThat(problem).hasSize(11);
        assertThat(problem.subList(1, 11)).allSatisfy(sql -> assertThat(sql).startsWith("select").contains("from order_lines").endsWith("where l1_0.order_id=? order by l1_0.id"));
        assertThat(statements.statements()).hasSize(2).last().asString().contains("left join order_lines");
    }

    @Test
    void customerNamesComeWithEagerAddressesWhileTheProjectionReadsNamesOnly() throws Exception {
        JsonNode customers = get("/customers?city=Riga");
        List<String> problem = statements.statements();
        JsonNode twin = get("/customers/names?city=Riga");

        assertThat(customers).hasSize(20).isEqualTo(twin);
        assertThat(customers.get(0).path("name").asText()).startsWith("Customer ");
        assertThat(problem).hasSize(21);
        assertThat(problem.subList(1, 21)).allSatisfy(sql -> assertThat(sql).contains("from addresses"));
        assertThat(statements.statements()).singleElement().asString().startsWith("select c1_0.id,c1_0.name from customers");
    }

    @Test
    void thePriceListLooksTheCurrencyUpForEveryProductWhileTheTwinLooksItUpOnce() throws Exception {
        JsonNode priceList = get("/price-list?category=books&currency=USD");
        List<String> problem = statements.statements();
        JsonNode twin = get("/price-list/currency-once?category=books&currency=USD");

        assertThat(priceList).hasSize(7).isEqualTo(twin);
        assertThat(priceList).allSatisfy(entry -> assertThat(entry.path("currency").asText()).isEqualTo("USD"));
        String lookup = "select c1_0.code,c1_0.eur_rate,c1_0.name from currencies c1_0 where c1_0.code=?";
        assertThat(problem).hasSize(8).filteredOn(lookup::equals).hasSize(7);
        assertThat(statements.statements()).hasSize(2).filteredOn(lookup::equals).hasSize(1);
    }

    @Test
    void availabilityLoadsTheProductTwiceWhileTheTwinLoadsItOnce() throws Exception {
        JsonNode availability = get("/products/" + PRODUCT + "/availability");
        List<String> problem = statements.statements();
        JsonNode twin = get("/products/" + PRODUCT + "/availability/loaded-once");

        assertThat(availability).isEqualTo(twin);
        assertThat(availability.path("sku").asText()).isEqualTo(ShopData.sku(PRODUCT));
        assertThat(availability.path("available").asLong())
                .isEqualTo(availability.path("stock").asLong() - availability.path("reserved").asLong());
        assertThat(problem).hasSize(3);
        assertThat(problem.get(0)).contains("from products").endsWith("where p1_0.id=?").isEqualTo(problem.get(1));
        assertThat(statements.statements()).hasSize(2).filteredOn(problem.get(0)::equals).hasSize(1);
    }

    @Test
    void aWishlistsItemsAreInsertedThenUpdatedWhileAnOrdersLinesAreInsertedOnce() throws Exception {
        List<Map<String, Object>> items = quantities(5);
        JsonNode wishlist = post("/wishlists", Map.of("customerId", CUSTOMER, "name", "Birthday", "items", items));
        List<Execution> problem = statements.executions();
        JsonNode order = post("/orders", Map.of("customerId", CUSTOMER, "lines", items));
        List<Execution> twin = statements.executions();

        assertThat(wishlist.path("items").asInt()).isEqualTo(5);
        assertThat(order.path("lines").asInt()).isEqualTo(5);
        assertThat(order.path("total").decimalValue()).isPositive();
        assertThat(problem).filteredOn(e -> e.sql().startsWith("insert into wishlist_items")).singleElement().extracting(Execution::batchRows).isEqualTo(5);
        assertThat(problem).filteredOn(e -> e.sql().equals("update wishlist_items set wishlist_id=? where id=?")).singleElement().extracting(Execution::batchRows).isEqualTo(5);
        assertThat(twin).filteredOn(e -> e.sql().startsWith("insert into order_lines (order_id,")).singleElement().extracting(Execution::batchRows).isEqualTo(5);
        assertThat(twin).noneSatisfy(e -> assertThat(e.sql()).startsWithIgnoringCase("update"));
    }

    @Test
    void theNameSearchScansTheWholeTableWhileTheSkuSearchUsesItsIndex() throws Exception {
        JsonNode byName = get("/products/by-name?prefix=" + encode(ShopData.productName(PRODUCT)));
        List<String> problem = statements.statements();
        JsonNode bySku = get("/products/by-sku?prefix=" + encode(ShopData.sku(PRODUCT)));

        assertThat(byName).isEqualTo(bySku).singleElement().satisfies(product -> assertThat(product.path("id").asLong()).isEqualTo(PRODUCT));
        assertThat(problem).singleElement().asString().contains("where p1_0.name like ?");
        assertThat(statements.statements()).singleElement().asString().contains("where p1_0.sku like ?");
        assertThat(plan("SELECT id FROM products WHERE name LIKE '" + ShopData.productName(PRODUCT) + "%'")).contains("Seq Scan on products");
        assertThat(plan("SELECT id FROM products WHERE sku LIKE '" + ShopData.sku(PRODUCT) + "%'")).contains("products_sku_idx");
    }

    @Test
    void aNumberedPageCountsAllProductsAndSkipsWithOffsetWhileTheKeysetPageReadsOnlyItsRows() throws Exception {
        JsonNode page = get("/products?page=30");
        List<String> problem = statements.statements();
        JsonNode keyset = get("/products/keyset?after=600");

        assertThat(page.path("items")).hasSize(20).isEqualTo(keyset.path("items"));
        assertThat(page.path("items").get(0).path("id").asLong()).isEqualTo(601);
        assertThat(page.path("totalItems").asLong()).isEqualTo(ShopData.PRODUCTS);
        assertThat(keyset.path("nextAfter").asLong()).isEqualTo(620);
        assertThat(problem).hasSize(2).anySatisfy(sql -> assertThat(sql).contains(" offset ? rows"))
                .anySatisfy(sql -> assertThat(sql).startsWith("select count("));
        assertThat(statements.statements()).singleElement().asString().contains("where p1_0.id>?").doesNotContain("offset");
    }

    @Test
    void aDeliveryIsWrittenOneInsertPerRowWhileTheTwinSendsOneBatch() throws Exception {
        Map<String, Object> delivery = Map.of("lines", quantities(50));
        JsonNode oneByOne = post("/deliveries", delivery);
        List<Execution> problem = statements.executions();
        JsonNode batched = post("/deliveries/batched", delivery);

        assertThat(oneByOne).isEqualTo(batched);
        assertThat(oneByOne.path("movements").asInt()).isEqualTo(50);
        assertThat(problem).hasSize(50).allSatisfy(e -> assertThat(e.sql()).startsWith("insert into stock_movements").isEqualTo(problem.get(0).sql()))
                .noneMatch(Execution::isBatch);
        assertThat(statements.executions()).singleElement().extracting(Execution::batchRows).isEqualTo(50);
    }

    @Test
    void theContactIsReadWithSelectStarWhileTheTwinNamesItsColumns() throws Exception {
        JsonNode contact = get("/customers/" + CUSTOMER + "/contact");
        List<String> problem = statements.statements();
        JsonNode twin = get("/customers/" + CUSTOMER + "/contact/named-columns");

        assertThat(contact).isEqualTo(twin);
        assertThat(contact.path("email").asText()).isEqualTo("customer7@example.com");
        assertThat(problem).containsExactly("SELECT * FROM customers WHERE id = ?");
        assertThat(statements.statements()).containsExactly("SELECT name, email FROM customers WHERE id = ?");
    }

    @Test
    void theOrderSummaryTakesMoreThan150MillisecondsWhileTheTwinAnswersTheSame() throws Exception {
        long start = System.nanoTime();
        JsonNode slow = get("/reports/order-summary?customer=" + CUSTOMER);
        long slowMillis = (System.nanoTime() - start) / 1_000_000;
        List<String> problem = statements.statements();
        JsonNode fast = get("/reports/order-summary/fast?customer=" + CUSTOMER);

        assertThat(slow).isEqualTo(fast).isNotEmpty();
        assertThat(slow).extracting(row -> row.path("orders").asLong()).containsOnly(2L, 3L);
        assertThat(slowMillis).isGreaterThanOrEqualTo(150);
        assertThat(problem).singleElement().asString().contains("pg_sleep");
        assertThat(statements.statements()).singleElement().asString().doesNotContain("pg_sleep");
    }

    @Test
    void anUnknownProductAnswers404() {
        assertThatThrownBy(() -> shop.get("/products/" + (ShopData.PRODUCTS + 1) + "/availability"))
                .hasMessageContaining("answered 404");
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        statements.clear();
        return shop.get(pathAndQuery);
    }

    private JsonNode post(String path, Object body) throws Exception {
        statements.clear();
        return shop.post(path, body);
    }

    private String plan(String query) {
        return String.join("\n", jdbc.queryForList("EXPLAIN " + query, String.class));
    }

    private static List<Map<String, Object>> quantities(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> Map.<String, Object>of("productId", (long) i * 997, "quantity", i))
                .toList();
    }
}
