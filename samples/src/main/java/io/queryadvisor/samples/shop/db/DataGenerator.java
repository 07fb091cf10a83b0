package io.queryadvisor.samples.shop.db;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Recreates the shop's schema and fills it with a {@link DataSet}, in one transaction.
 *
 * <p>Every table is filled by one set-based {@code INSERT ... SELECT ... FROM generate_series}
 * (PostgreSQL only): the server builds the rows itself, which takes about a second for 260k rows
 * where row-by-row inserts from Java would take a minute. The values are computed from the row
 * number, never from {@code random()}, so two runs produce the same data.
 */
public final class DataGenerator {

    private final ShopSchema schema;
    private final DataSet data;

    public DataGenerator(ShopSchema schema, DataSet data) {
        this.schema = schema;
        this.data = data;
    }

    /** Drops, recreates and fills the schema; returns how long it took. */
    public Duration generate(DataSource dataSource) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                schema.recreate(connection);
                insertCustomers(connection);
                insertProducts(connection);
                insertOrders(connection);
                insertOrderLines(connection);
                restartOrderIds(connection);
                schema.addIndexesAndForeignKeys(connection);
                analyze(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void insertCustomers(Connection connection) throws SQLException {
        // The e-mail pattern is DataSet.emailOf's: the traffic looks customers up by it.
        String sql = """
                INSERT INTO customers (id, name, email, city, country, loyalty_points, created_at)
                SELECT g, 'Customer ' || g, 'customer' || g || '@example.com',
                       (ARRAY['Paris','Lyon','Berlin','Madrid','Rome','Lisbon','Vienna','Prague'])[(1 + g % 8)::int],
                       (ARRAY['FR','FR','DE','ES','IT','PT','AT','CZ'])[(1 + g % 8)::int],
                       ((g * 37) % 1000)::int,
                       timestamp '2020-01-01' + g * interval '1 minute'
                  FROM generate_series(1, ?::bigint) g""";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, data.customers());
            insert.executeUpdate();
        }
    }

    private void insertProducts(Connection connection) throws SQLException {
        String sql = """
                INSERT INTO products (id, sku, name, description, category, price, stock, weight_grams, active, created_at)
                SELECT g, 'SKU-' || lpad(g::text, 7, '0'), 'Product ' || g,
                       repeat('A fine product. ', (1 + g % 8)::int),
                       c.names[(1 + g % cardinality(c.names))::int],
                       5 + ((g * 7919) % 20000) / 100.0,
                       ((g * 13) % 500)::int,
                       (100 + (g * 17) % 5000)::int,
                       g % 50 <> 0,
                       timestamp '2021-01-01' + g * interval '1 hour'
                  FROM generate_series(1, ?::bigint) g
                 CROSS JOIN (SELECT ?::text[] AS names) c""";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            Array categories = connection.createArrayOf("text", DataSet.CATEGORIES.toArray());
            insert.setLong(1, data.products());
            insert.setArray(2, categories);
            insert.executeUpdate();
            categories.free();
        }
    }

    private void insertOrders(Connection connection) throws SQLException {
        // The first regularCustomers * REGULAR_ORDERS orders go round-robin to the regular customers;
        // the rest are spread over everybody by a multiplicative hash (7919 is prime, so every
        // customer gets about the same number). Dates spread evenly over 700 days from 2023-01-01.
        String sql = """
                INSERT INTO orders (id, customer_id, status, created_at)
                SELECT g,
                       CASE WHEN g <= ? THEN 1 + (g - 1) % ? ELSE 1 + (g * 7919) % ? END,
                       (ARRAY['CANCELLED','PENDING','SHIPPED','SHIPPED','DELIVERED',
                              'DELIVERED','DELIVERED','DELIVERED','DELIVERED','DELIVERED'])[(1 + g % 10)::int],
                       timestamp '2023-01-01' + interval '700 days' * g / ?
                  FROM generate_series(1, ?::bigint) g""";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, (long) data.regularCustomers() * DataSet.REGULAR_ORDERS);
            insert.setLong(2, data.regularCustomers());
            insert.setLong(3, data.customers());
            insert.setLong(4, data.orders());
            insert.setLong(5, data.orders());
            insert.executeUpdate();
        }
    }

    private void insertOrderLines(Connection connection) throws SQLException {
        // 1 to 5 lines per order (3 on average), distinct products within an order (n * 17 < 2000).
        String sql = """
                INSERT INTO order_lines (order_id, product_id, quantity, unit_price)
                SELECT o.id, p.id, (1 + (o.id + n) % 4)::int, p.price
                  FROM orders o
                 CROSS JOIN LATERAL generate_series(1, (1 + o.id % 5)::int) n
                  JOIN products p ON p.id = 1 + (o.id * 31 + n * 17) % ?
                 ORDER BY o.id, n""";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, data.products());
            insert.executeUpdate();
        }
    }

    private void restartOrderIds(Connection connection) throws SQLException {
        // Ids were given explicitly, so the identity sequence still stands at 1: orders placed by
        // the traffic must continue after the generated ones.
        try (PreparedStatement restart = connection.prepareStatement("SELECT setval(pg_get_serial_sequence('orders', 'id'), ?)")) {
            restart.setLong(1, data.orders());
            restart.execute();
        }
    }

    private static void analyze(Connection connection) throws SQLException {
        // Fresh statistics, or the planner's first guesses about the new tables decide the traffic's plans.
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE customers, products, orders, order_lines");
        }
    }
}
