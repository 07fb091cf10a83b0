package io.queryadvisor.samples.springshop.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import io.queryadvisor.samples.springshop.db.ShopData;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static io.queryadvisor.samples.springshop.traffic.ShopClient.encode;

/**
 * One iteration of traffic: every endpoint of the shop called once, each planted problem followed
 * by its twin with the same parameters ({@value #CALLS} calls). The parameters are drawn from a
 * random generator seeded with the run's seed and the iteration's number; which endpoints are
 * called, and so which statements run, never depends on them. Every answer is checked against
 * what the generated data guarantees, so a broken query fails the iteration.
 */
public final class ShopVisit implements TrafficIteration {

    /** HTTP calls per iteration. */
    public static final int CALLS = 20;
    /** Rows of a wishlist, an order and a delivery. */
    public static final int WISHLIST_ITEMS = 5;
    public static final int ORDER_LINES = 5;
    public static final int DELIVERY_LINES = 50;
    /** Iteration i reads catalogue page (i * 25) mod 2,500: an OFFSET of 500 more each iteration. */
    public static final int PAGE_STEP = 25;

    private static final int PAGE_SIZE = 20;
    private static final int PAGES = ShopData.PRODUCTS / PAGE_SIZE;
    private static final int CUSTOMERS_LISTED = 20;
    private static final int PRICE_LIST_ENTRIES = 7;

    private final ShopClient shop;
    private final long seed;

    public ShopVisit(ShopClient shop, long seed) {
        this.shop = shop;
        this.seed = seed;
    }

    @Override
    public void run(long index) throws IOException, InterruptedException {
        // A generator per iteration: iteration i draws the same parameters on any thread, in any order.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        long customer = 1 + random.nextLong(ShopData.CUSTOMERS);
        long product = 1 + random.nextLong(ShopData.PRODUCTS);
        String city = pick(ShopData.CITIES, random);

        // 1. N+1 / fetched with the orders
        expectSize(shop.get("/orders?customer=" + customer), 10, "orders of customer " + customer);
        expectSize(shop.get("/orders/with-lines?customer=" + customer), 10, "orders of customer " + customer);
        // 2. EAGER collection / projection
        expectSize(shop.get("/customers?city=" + encode(city)), CUSTOMERS_LISTED, "customers of " + city);
        expectSize(shop.get("/customers/names?city=" + encode(city)), CUSTOMERS_LISTED, "customers of " + city);
        // 3. currency looked up per row / once
        String priceList = "category=" + pick(ShopData.CATEGORIES, random) + "&currency=" + pick(ShopData.CURRENCIES, random);
        expectSize(shop.get("/price-list?" + priceList), PRICE_LIST_ENTRIES, "price list " + priceList);
        expectSize(shop.get("/price-list/currency-once?" + priceList), PRICE_LIST_ENTRIES, "price list " + priceList);
        // 4. product loaded twice / once
        expect(shop.get("/products/" + product + "/availability").path("productId").asLong() == product, "availability of " + product);
        expect(shop.get("/products/" + product + "/availability/loaded-once").path("productId").asLong() == product, "availability of " + product);
        // 5. insert then update / insert only
        expect(shop.post("/wishlists", Map.of("customerId", customer, "name", "Ideas " + index,
                "items", quantities(WISHLIST_ITEMS, random))).path("items").asInt() == WISHLIST_ITEMS, "wishlist created");
        expect(shop.post("/orders", Map.of("customerId", customer,
                "lines", quantities(ORDER_LINES, random))).path("lines").asInt() == ORDER_LINES, "order placed");
        // 6. unindexed / indexed prefix search
        long searched = 1 + random.nextLong(ShopData.PRODUCTS);
        expectOnly(shop.get("/products/by-name?prefix=" + encode(ShopData.productName(searched))), searched);
        expectOnly(shop.get("/products/by-sku?prefix=" + encode(ShopData.sku(searched))), searched);
        // 7. page with count and OFFSET / keyset
        long page = index * PAGE_STEP % PAGES;
        expectSize(shop.get("/products?page=" + page).path("items"), PAGE_SIZE, "catalogue page " + page);
        expectSize(shop.get("/products/keyset?after=" + page * PAGE_SIZE).path("items"), PAGE_SIZE, "catalogue after " + page * PAGE_SIZE);
        // 8. one INSERT per row / one batch
        Map<String, Object> delivery = Map.of("lines", quantities(DELIVERY_LINES, random));
        expect(shop.post("/deliveries", delivery).path("movements").asInt() == DELIVERY_LINES, "delivery recorded");
        expect(shop.post("/deliveries/batched", delivery).path("movements").asInt() == DELIVERY_LINES, "delivery recorded");
        // 9. SELECT * / named columns
        String email = "customer" + customer + "@example.com";
        expect(shop.get("/customers/" + customer + "/contact").path("email").asText().equals(email), "contact of " + customer);
        expect(shop.get("/customers/" + customer + "/contact/named-columns").path("email").asText().equals(email), "contact of " + customer);
        // 10. slow / fast report
        expect(!shop.get("/reports/order-summary?customer=" + customer).isEmpty(), "order summary of " + customer);
        expect(!shop.get("/reports/order-summary/fast?customer=" + customer).isEmpty(), "order summary of " + customer);
    }

    /** {@code count} lines of different products, 1 to 10 units each. */
    private static List<Map<String, Object>> quantities(int count, SplittableRandom random) {
        long first = 1 + random.nextLong(ShopData.PRODUCTS);
        long step = ShopData.PRODUCTS / count;
        return IntStream.range(0, count)
                .mapToObj(i -> Map.<String, Object>of("productId", 1 + (first + i * step) % ShopData.PRODUCTS,
                        "quantity", 1 + random.nextInt(10)))
                .toList();
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private static void expectSize(JsonNode array, int size, String what) {
        expect(array.isArray() && array.size() == size, "%s: expected %d, got %s", what, size, array);
    }

    private static void expectOnly(JsonNode products, long id) {
        expect(products.size() == 1 && products.get(0).path("id").asLong() == id, "search for product %d found %s", id, products);
    }

    private static void expect(boolean expected, String problem, Object... arguments) {
        if (!expected) {
            // The generated data guarantees all of these; failing one means the data or a query is broken.
            throw new IllegalStateException(String.format(problem, arguments));
        }
    }
}
