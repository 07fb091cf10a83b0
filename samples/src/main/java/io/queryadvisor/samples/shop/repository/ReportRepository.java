package io.queryadvisor.samples.shop.repository;

import io.queryadvisor.samples.shop.model.CustomerRevenue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The back office's reports. */
public final class ReportRepository {

    /** The customers who spent the most over all their (not cancelled) orders. */
    public List<CustomerRevenue> topCustomersByRevenue(Connection connection, int limit) throws SQLException {
        // PLANTED: slow-query — the correlated subquery runs once per customer (20k index lookups into
        // orders, 54k into order_lines) before the sort can keep the top rows: measured 260-450 ms on
        // PostgreSQL 14/15 at scale 1 on 2 cores (the rule's threshold is 100 ms). A GROUP BY over a
        // join would do it in one pass, and a nightly summary table would make it instant.
        // The pg_sleep(0.15) in the FROM clause (run once per execution) is a floor, so that the
        // planted problem is slow on any machine, however fast: the tests that find it must not
        // depend on the machine's speed.
        String sql = """
                SELECT c.id, c.name,
                       (SELECT COALESCE(SUM(ol.quantity * ol.unit_price), 0)
                          FROM orders o
                          JOIN order_lines ol ON ol.order_id = o.id
                         WHERE o.customer_id = c.id AND o.status <> ?) AS revenue
                  FROM customers c
                 CROSS JOIN (SELECT pg_sleep(0.15)) AS floor_of_a_slow_report
                 ORDER BY revenue DESC, c.id
                 LIMIT ?""";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, "CANCELLED");
            select.setInt(2, limit);
            List<CustomerRevenue> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CustomerRevenue(rs.getLong("id"), rs.getString("name"), rs.getBigDecimal("revenue")));
                }
            }
            return rows;
        }
    }
}
