package io.queryadvisor.samples.springshop.repository;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;

/** The back office's report on a customer's orders, in plain SQL. */
@Repository
public class OrderReportRepository {

    private static final RowMapper<StatusSummary> SUMMARY =
            (rs, row) -> new StatusSummary(rs.getString("status"), rs.getLong("orders"), rs.getBigDecimal("revenue"));

    private static final String SUMMARY_SQL = """
            SELECT o.status, count(DISTINCT o.id) AS orders, sum(l.quantity * l.unit_price) AS revenue
            FROM orders o JOIN order_lines l ON l.order_id = o.id
            WHERE o.customer_id = ?%s
            GROUP BY o.status
            ORDER BY o.status""";

    private final JdbcTemplate jdbc;

    public OrderReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StatusSummary> summarizeSlowly(long customerId) {
        // PLANTED: a slow query (150 ms and more). pg_sleep stands for the heavy work a real report
        // would do (a large join, a missing aggregate table): a real heavy query's time would vary
        // with the machine, this one crosses a 100 ms threshold everywhere. It is an uncorrelated
        // subquery, so PostgreSQL runs it once per execution (an InitPlan), not once per row.
        return jdbc.query(SUMMARY_SQL.formatted(" AND (SELECT pg_sleep(0.15)) IS NOT NULL"), SUMMARY, customerId);
    }

    public List<StatusSummary> summarize(long customerId) {
        // The same report from orders_customer_id_created_at_idx and order_lines_order_id_idx: ~1 ms.
        return jdbc.query(SUMMARY_SQL.formatted(""), SUMMARY, customerId);
    }
}
