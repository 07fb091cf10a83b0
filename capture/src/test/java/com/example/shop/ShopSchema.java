package com.example.shop;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The shop's tables, with rows every test can count on: the regular customer has
 * {@value #REGULAR_CUSTOMER_ORDERS} orders (ids 1 to 8) of {@value #LINES_PER_ORDER} lines each;
 * order {@value #IMPORT_ORDER}, of another customer, has no lines yet; there are
 * {@value #PRODUCTS} products, product {@code n} priced {@code 1.5 * n}.
 */
public final class ShopSchema {

    public static final long REGULAR_CUSTOMER = 1;
    public static final int REGULAR_CUSTOMER_ORDERS = 8;
    public static final int LINES_PER_ORDER = 3;
    public static final long IMPORT_ORDER = 100;
    public static final int PRODUCTS = 10;

    private ShopSchema() {
    }

    /** Creates the tables and their rows in the connection's current schema. */
    public static void create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE customers (id BIGINT PRIMARY KEY, name TEXT NOT NULL)");
            s.execute("CREATE TABLE products (id BIGINT PRIMARY KEY, sku TEXT NOT NULL, name TEXT NOT NULL,"
                    + " description TEXT NOT NULL, price NUMERIC(10, 2) NOT NULL, stock INT NOT NULL)");
            s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers,"
                    + " placed_on DATE NOT NULL)");
            s.execute("CREATE TABLE order_lines (id BIGSERIAL PRIMARY KEY, order_id BIGINT NOT NULL REFERENCES orders,"
                    + " product_id BIGINT NOT NULL REFERENCES products, quantity INT NOT NULL)");
            s.execute("CREATE INDEX order_lines_order ON order_lines (order_id)");
            s.execute("INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')");
            s.execute("INSERT INTO products SELECT n, 'SKU-' || n, 'Product ' || n, 'What product ' || n || ' is for',"
                    + " n * 1.5, 100 FROM generate_series(1, " + PRODUCTS + ") n");
            s.execute("INSERT INTO orders SELECT n, " + REGULAR_CUSTOMER + ", DATE '2024-01-01' + n"
                    + " FROM generate_series(1, " + REGULAR_CUSTOMER_ORDERS + ") n");
            s.execute("INSERT INTO orders VALUES (" + IMPORT_ORDER + ", 2, DATE '2024-02-01')");
            s.execute("INSERT INTO order_lines (order_id, product_id, quantity) SELECT o, p, o + p"
                    + " FROM generate_series(1, " + REGULAR_CUSTOMER_ORDERS + ") o,"
                    + " generate_series(1, " + LINES_PER_ORDER + ") p ORDER BY o, p");
        }
    }

    /** The regular customer's order lines as {@link #create} wrote them, by order then product. */
    public static List<OrderLine> regularCustomerLines() {
        List<OrderLine> lines = new ArrayList<>();
        for (long order = 1; order <= REGULAR_CUSTOMER_ORDERS; order++) {
            for (long product = 1; product <= LINES_PER_ORDER; product++) {
                lines.add(new OrderLine(order, product, (int) (order + product)));
            }
        }
        return lines;
    }
}
