package io.queryadvisor.e2e;

import java.util.Map;

/**
 * The statements one iteration of the Spring shop's traffic runs (its 20 HTTP calls), by
 * fingerprint, as a JDBC agent must count them: a batch is one execution. 116 in all, as
 * samples/spring-shop/README.md says; the sequences' occasional {@code nextval} is left out.
 */
final class SpringShopTraffic {

    static final Map<String, Integer> PER_ITERATION = Map.ofEntries(
            Map.entry("INSERT INTO stock_movements (created_at, product_id, quantity, reason) VALUES (?, ?, ?, ?)",
                    50),
            Map.entry("SELECT a1_0.customer_id, a1_0.id, a1_0.city, a1_0.kind, a1_0.postcode, a1_0.street FROM addresses a1_0 WHERE a1_0.customer_id = ? ORDER BY a1_0.id",
                    20),
            Map.entry("SELECT c1_0.code, c1_0.eur_rate, c1_0.name FROM currencies c1_0 WHERE c1_0.code = ?",
                    8),
            Map.entry("SELECT l1_0.order_id, l1_0.id, l1_0.product_id, l1_0.quantity, l1_0.unit_price FROM order_lines l1_0 WHERE l1_0.order_id = ? ORDER BY l1_0.id",
                    10),
            Map.entry("SELECT o.status, count(DISTINCT o.id) AS orders, sum(l.quantity * l.unit_price) AS revenue FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.customer_id = ? AND (SELECT pg_sleep(?)) IS NOT NULL GROUP BY o.status ORDER BY o.status",
                    1),
            Map.entry("SELECT p1_0.id, p1_0.category, p1_0.created_at, p1_0.description, p1_0.name, p1_0.price, p1_0.sku, p1_0.stock FROM products p1_0 WHERE p1_0.id = ?",
                    3),
            Map.entry("SELECT p1_0.id, p1_0.category, p1_0.created_at, p1_0.description, p1_0.name, p1_0.price, p1_0.sku, p1_0.stock FROM products p1_0 WHERE p1_0.name LIKE ? ESCAPE ? ORDER BY p1_0.name, p1_0.id FETCH FIRST ? ROWS ONLY",
                    1),
            Map.entry("SELECT coalesce(sum(ol1_0.quantity), ?) FROM order_lines ol1_0 JOIN orders o1_0 ON o1_0.id = ol1_0.order_id WHERE ol1_0.product_id = ? AND o1_0.status = ?",
                    2),
            Map.entry("SELECT count(p1_0.id) FROM products p1_0",
                    1),
            Map.entry("SELECT p1_0.id, p1_0.category, p1_0.created_at, p1_0.description, p1_0.name, p1_0.price, p1_0.sku, p1_0.stock FROM products p1_0 WHERE p1_0.category = ? ORDER BY p1_0.id FETCH FIRST ? ROWS ONLY",
                    2),
            Map.entry("SELECT p1_0.id, p1_0.category, p1_0.created_at, p1_0.description, p1_0.name, p1_0.price, p1_0.sku, p1_0.stock FROM products p1_0 ORDER BY p1_0.id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
                    1),
            Map.entry("INSERT INTO orders (created_at, customer_id, status) VALUES (?, ?, ?)",
                    1),
            Map.entry("SELECT o1_0.id, o1_0.created_at, o1_0.customer_id, o1_0.status FROM orders o1_0 WHERE o1_0.customer_id = ? ORDER BY o1_0.created_at DESC, o1_0.id DESC FETCH FIRST ? ROWS ONLY",
                    1),
            Map.entry("SELECT * FROM customers WHERE id = ?",
                    1),
            Map.entry("INSERT INTO stock_movements (product_id, quantity, reason, created_at) VALUES (?, ?, ?, ?)",
                    1),
            Map.entry("INSERT INTO order_lines (order_id, product_id, quantity, unit_price, id) VALUES (?, ?, ?, ?, ?)",
                    1),
            Map.entry("SELECT name, email FROM customers WHERE id = ?",
                    1),
            Map.entry("SELECT c1_0.id, c1_0.city, c1_0.created_at, c1_0.currency_code, c1_0.email, c1_0.loyalty_points, c1_0.name, c1_0.notes, c1_0.phone FROM customers c1_0 WHERE c1_0.city = ? ORDER BY c1_0.name, c1_0.id FETCH FIRST ? ROWS ONLY",
                    1),
            Map.entry("SELECT c1_0.id, c1_0.name FROM customers c1_0 WHERE c1_0.city = ? ORDER BY c1_0.name, c1_0.id FETCH FIRST ? ROWS ONLY",
                    1),
            Map.entry("SELECT p1_0.id, p1_0.category, p1_0.created_at, p1_0.description, p1_0.name, p1_0.price, p1_0.sku, p1_0.stock FROM products p1_0 WHERE p1_0.id IN (?)",
                    1),
            Map.entry("INSERT INTO wishlist_items (product_id, quantity, id) VALUES (?, ?, ?)",
                    1),
            Map.entry("SELECT p1_0.id, p1_0.category, p1_0.created_at, p1_0.description, p1_0.name, p1_0.price, p1_0.sku, p1_0.stock FROM products p1_0 WHERE p1_0.id > ? ORDER BY p1_0.id FETCH FIRST ? ROWS ONLY",
                    1),
            Map.entry("SELECT o1_0.id, o1_0.created_at, o1_0.customer_id, l1_0.order_id, l1_0.id, l1_0.product_id, l1_0.quantity, l1_0.unit_price, o1_0.status FROM orders o1_0 LEFT JOIN order_lines l1_0 ON o1_0.id = l1_0.order_id WHERE o1_0.id IN (?) ORDER BY o1_0.created_at DESC, o1_0.id DESC, l1_0.id",
                    1),
            Map.entry("SELECT o1_0.id FROM orders o1_0 WHERE o1_0.customer_id = ? ORDER BY o1_0.created_at DESC, o1_0.id DESC FETCH FIRST ? ROWS ONLY",
                    1),
            Map.entry("SELECT o.status, count(DISTINCT o.id) AS orders, sum(l.quantity * l.unit_price) AS revenue FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.customer_id = ? GROUP BY o.status ORDER BY o.status",
                    1),
            Map.entry("SELECT p1_0.id, p1_0.category, p1_0.created_at, p1_0.description, p1_0.name, p1_0.price, p1_0.sku, p1_0.stock FROM products p1_0 WHERE p1_0.sku LIKE ? ESCAPE ? ORDER BY p1_0.sku, p1_0.id FETCH FIRST ? ROWS ONLY",
                    1),
            Map.entry("INSERT INTO wishlists (created_at, customer_id, name) VALUES (?, ?, ?)",
                    1),
            Map.entry("UPDATE wishlist_items SET wishlist_id = ? WHERE id = ?",
                    1)
    );

    private SpringShopTraffic() {
    }
}
