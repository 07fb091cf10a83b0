-- The shop's data: one set-based INSERT ... SELECT per table, every value computed from the row
-- number (no random()), so every run has the same rows. The word lists and formulas are mirrored
-- by db.ShopData, which the traffic uses to pick its parameters: change both together.
-- Sizes: 8 currencies, 2,000 customers (4,000 addresses), 50,000 products, 20,000 orders
-- (10 per customer), 60,000 order lines (1 to 5 per order).

INSERT INTO currencies (code, name, eur_rate) VALUES
  ('EUR', 'Euro', 1.000000), ('USD', 'US dollar', 1.080000), ('GBP', 'Pound sterling', 0.850000),
  ('CHF', 'Swiss franc', 0.950000), ('SEK', 'Swedish krona', 11.500000), ('NOK', 'Norwegian krone', 11.700000),
  ('DKK', 'Danish krone', 7.460000), ('PLN', 'Polish zloty', 4.300000);

INSERT INTO customers (id, name, email, phone, city, currency_code, loyalty_points, notes, created_at)
SELECT g, 'Customer ' || g, 'customer' || g || '@example.com', '+31 20 ' || lpad(g::text, 7, '0'),
       (ARRAY['Amsterdam', 'Berlin', 'Bologna', 'Bordeaux', 'Brno', 'Cork', 'Dresden', 'Gdansk', 'Ghent', 'Graz',
              'Lille', 'Lyon', 'Malmo', 'Porto', 'Riga', 'Seville', 'Tampere', 'Turin', 'Utrecht', 'Valencia'])[1 + g % 20],
       (ARRAY['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN'])[1 + g % 8],
       g * 37 % 1000,
       'Customer since ' || to_char(timestamp '2024-01-01' + g * interval '3 hours', 'YYYY-MM-DD')
           || '; prefers deliveries in the ' || (ARRAY['morning', 'afternoon', 'evening'])[1 + g % 3] || '.',
       timestamp '2024-01-01' + g * interval '3 hours'
FROM generate_series(1, 2000) AS g;

INSERT INTO addresses (id, customer_id, kind, street, city, postcode)
SELECT 2 * c.id - 1 + k, c.id, (ARRAY['billing', 'shipping'])[1 + k], (10 + c.id % 90) || ' Market Street', c.city,
       lpad((1000 + c.id * 7 % 9000)::text, 4, '0') || ' ' || (ARRAY['AB', 'CD', 'EF'])[1 + k + c.id % 2]
FROM customers c CROSS JOIN generate_series(0, 1) AS k;

INSERT INTO products (id, sku, name, description, category, price, stock, created_at)
SELECT g, 'SKU-' || lpad(g::text, 6, '0'), w.adjective || ' ' || w.noun || ' ' || lpad(g::text, 5, '0'),
       'A ' || lower(w.adjective) || ' ' || lower(w.noun) || ' for everyday use. Ships in two to five working days;'
           || ' returns accepted within thirty days. Item ' || g || '.',
       (ARRAY['books', 'garden', 'kitchen', 'toys', 'music', 'sports', 'tools', 'office', 'beauty', 'games',
              'outdoor', 'lighting', 'bath', 'pets', 'baby', 'travel', 'health', 'audio', 'camera', 'crafts'])[1 + g % 20],
       1 + (g * 7919 % 20000) / 100.0,
       g % 250,
       timestamp '2023-06-01' + g * interval '10 minutes'
FROM generate_series(1, 50000) AS g
CROSS JOIN LATERAL (SELECT
    (ARRAY['Sturdy', 'Compact', 'Classic', 'Deluxe', 'Smart', 'Silent', 'Rugged', 'Elegant', 'Portable', 'Vintage'])[1 + g % 10] AS adjective,
    (ARRAY['Lamp', 'Kettle', 'Backpack', 'Chair', 'Speaker', 'Notebook', 'Blender', 'Jacket', 'Clock', 'Drill'])[1 + g / 10 % 10] AS noun) AS w;

INSERT INTO orders (id, customer_id, status, created_at)
SELECT g, 1 + (g - 1) % 2000, (ARRAY['NEW', 'PAID', 'SHIPPED', 'DELIVERED'])[1 + (g + g / 2000) % 4],
       timestamp '2025-01-01' + g * interval '20 minutes'
FROM generate_series(1, 20000) AS g;

INSERT INTO order_lines (id, order_id, product_id, quantity, unit_price)
SELECT row_number() OVER (ORDER BY o, n), o, p.id, 1 + (o + n) % 3, p.price
FROM generate_series(1, 20000) AS o
CROSS JOIN LATERAL generate_series(1, 1 + o % 5) AS n
JOIN products p ON p.id = 1 + (o * 7919 + n * 104729) % 50000;

-- Rows were inserted with explicit ids: move the generators past them.
SELECT setval(pg_get_serial_sequence('customers', 'id'), (SELECT max(id) FROM customers));
SELECT setval(pg_get_serial_sequence('addresses', 'id'), (SELECT max(id) FROM addresses));
SELECT setval(pg_get_serial_sequence('products', 'id'), (SELECT max(id) FROM products));
SELECT setval(pg_get_serial_sequence('orders', 'id'), (SELECT max(id) FROM orders));
SELECT setval('order_line_ids', (SELECT max(id) FROM order_lines));

-- Indexes, built once after the load. Each serves a query of the shop; the one missing is
-- deliberate: products.name has none, so the prefix search of
-- repository.ProductRepository.findTop20ByNameStartingWithOrderByNameAscIdAsc reads all 50,000
-- products (the planted missing index). Its twin searches the SKU, whose index is built with
-- varchar_pattern_ops so that LIKE 'prefix%' can use it whatever the database's collation.
CREATE INDEX customers_city_idx ON customers (city);
CREATE INDEX addresses_customer_id_idx ON addresses (customer_id);
CREATE UNIQUE INDEX products_sku_idx ON products (sku varchar_pattern_ops);
CREATE INDEX products_category_idx ON products (category, id);
CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);
CREATE INDEX order_lines_order_id_idx ON order_lines (order_id);
CREATE INDEX order_lines_product_id_idx ON order_lines (product_id);
CREATE INDEX wishlist_items_wishlist_id_idx ON wishlist_items (wishlist_id);
CREATE INDEX stock_movements_product_id_idx ON stock_movements (product_id);

ALTER TABLE customers ADD CONSTRAINT customers_currency_fk FOREIGN KEY (currency_code) REFERENCES currencies (code);
ALTER TABLE addresses ADD CONSTRAINT addresses_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE order_lines ADD CONSTRAINT order_lines_product_fk FOREIGN KEY (product_id) REFERENCES products (id);
ALTER TABLE wishlists ADD CONSTRAINT wishlists_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE wishlist_items ADD CONSTRAINT wishlist_items_wishlist_fk FOREIGN KEY (wishlist_id) REFERENCES wishlists (id);
ALTER TABLE wishlist_items ADD CONSTRAINT wishlist_items_product_fk FOREIGN KEY (product_id) REFERENCES products (id);
ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_product_fk FOREIGN KEY (product_id) REFERENCES products (id);

ANALYZE currencies, customers, addresses, products, orders, order_lines;
