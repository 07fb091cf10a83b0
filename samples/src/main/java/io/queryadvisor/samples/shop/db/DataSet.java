package io.queryadvisor.samples.shop.db;

import java.util.List;

/**
 * The shape of the generated data: what {@link DataGenerator} produces and all the traffic may
 * rely on (ids are dense from 1, every regular customer has at least {@link #REGULAR_ORDERS} orders).
 *
 * @param customers        rows of {@code customers}, ids 1..customers
 * @param products         rows of {@code products}, ids 1..products
 * @param orders           rows of {@code orders} at start, ids 1..orders
 * @param regularCustomers customers 1..regularCustomers, each with {@link #REGULAR_ORDERS} orders or more
 */
public record DataSet(int customers, int products, int orders, int regularCustomers) {

    /** Orders every regular customer gets, so "the last 10 orders" is always 10 rows. */
    public static final int REGULAR_ORDERS = 12;

    /** Product categories; {@code products.category} cycles through them. */
    public static final List<String> CATEGORIES = List.of(
            "books", "games", "garden", "kitchen", "music", "office", "outdoor", "sports", "tools", "toys");

    public DataSet {
        if (orders % 5 != 0 || orders < regularCustomers * REGULAR_ORDERS) {
            throw new IllegalArgumentException("orders must be a multiple of 5 and cover the regular customers' orders");
        }
    }

    /** 20k customers, 2k products, 60k orders and 180k order lines per unit of scale. */
    public static DataSet ofScale(int scale) {
        return new DataSet(20_000 * scale, 2_000 * scale, 60_000 * scale, 100 * scale);
    }

    /** Order {@code g} has {@code 1 + g % 5} lines, so a multiple of 5 orders has exactly 3 lines per order on average. */
    public long orderLines() {
        return 3L * orders;
    }

    /** The e-mail the generator gives customer {@code id} (it must match the SQL in {@link DataGenerator}). */
    public static String emailOf(long customerId) {
        return "customer" + customerId + "@example.com";
    }
}
