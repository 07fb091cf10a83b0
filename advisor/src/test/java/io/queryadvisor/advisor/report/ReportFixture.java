package io.queryadvisor.advisor.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.endpoints.EndpointStats;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.pool.PoolSettings;
import io.queryadvisor.advisor.pool.PoolSummary;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Severity;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.stats.CallSiteCount;
import io.queryadvisor.advisor.stats.CaptureHealth;
import io.queryadvisor.advisor.stats.EndpointCount;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * A report as the advisor would make it of a small shop, salted with the strings that break
 * naive writers: markup, table pipes, backticks, code fences inside SQL, line breaks and unicode.
 */
final class ReportFixture {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String APP_NAME = "shop " + SCRIPT + " | `ünïcødé` 🛒";

    static final String N_PLUS_ONE_SQL = "select * from order_line where order_id = ?";
    static final String SCRIPT_SQL = "select '" + SCRIPT + "' as x, first_name || ' ' || last_name from customer where id = ?";
    static final String BACKTICK_SQL = "select `name`, ``weird`` from `customer` where id = ?";
    static final String UNICODE_SQL = "select * from produkt where name = ? -- größe 👟 日本";
    static final String MULTILINE_SQL = "select id\nfrom orders\r\nwhere status = ?";
    static final String FENCE_SQL = "select *\n```\nfrom t -- a fence inside SQL";

    static final String N_PLUS_ONE_TITLE = "N+1: `order_line` loaded once per order | 1,200 times";
    static final String SELECT_STAR_TITLE = "SELECT * reads columns nobody uses " + SCRIPT;
    static final String SLOW_TITLE = "Statement time is 42% of requests\nin total";

    static final String ENDPOINT = "GET /search/<b>|`x`";

    static final String POOL = "HikariPool-1 <orders>|`x`";

    static final int QUERY_COUNT = 25;

    private ReportFixture() {
    }

    static Report report() {
        return report(List.of(nPlusOne(), selectStar(), workloadWide()),
                new CaptureHealth(12_345, 17, QUERY_COUNT, 3, 10_000, 345, 0, 0, List.of(), Map.of("n-plus-one", Map.of(
                        "executionsNotGrouped", 0L, "fingerprintsDropped", 2L, "unitsEndedEarly", 0L, "unitsEvicted", 0L))));
    }

    static Report report(List<Recommendation> recommendations, CaptureHealth capture) {
        ApplicationInfo app = new ApplicationInfo(APP_NAME, "Eclipse Adoptium 21.0.4+7-LTS", List.of(
                new ApplicationInfo.DatabaseInfo("HikariPool-1", "PostgreSQL 15.6", "PostgreSQL JDBC Driver 42.7.14",
                        "jdbc:postgresql://127.0.0.1:5432/shop")));
        return new Report("2025-06-01T10:15:30.123Z", app, queries(), endpoints(), pools(), recommendations, capture);
    }

    static Recommendation nPlusOne() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("executions", 1_200L);
        evidence.put("perRequest", 40.0);
        evidence.put("shareOfTimePercent", 42.5);
        evidence.put("example | value", SCRIPT);
        return new Recommendation("n-plus-one:a1b2c3", "n-plus-one", Severity.HIGH, N_PLUS_ONE_TITLE, "a1b2c3",
                N_PLUS_ONE_SQL, N_PLUS_ONE_SQL,
                List.of(CallSiteCount.of(new CallSite("com.shop.OrderService", "lines", "OrderService.java", 42), 40),
                        CallSiteCount.of(new CallSite("com.shop.`Weird`|Dao", "run", "Dao.java", 7), 2)),
                evidence,
                Suggestion.withJava("Fetch the lines of all orders in one query with a join fetch.",
                        "@Query(\"select o from Order o join fetch o.lines\")\nList<Order> findAllWithLines();"),
                3_456.78);
    }

    static Recommendation selectStar() {
        return new Recommendation("select-star:d4e5f6", "select-star", Severity.MEDIUM, SELECT_STAR_TITLE, "d4e5f6",
                "select * from t", FENCE_SQL,
                List.of(CallSiteCount.of(new CallSite("com.shop.CatalogDao", "all", "CatalogDao.java", 18), 12)),
                Map.of("columnsRead", 42), Suggestion.withSql("List the columns you need.", SCRIPT_SQL), 812.5);
    }

    /** A finding about the whole workload: no fingerprint, no SQL, no call site, no code. */
    static Recommendation workloadWide() {
        return new Recommendation("slow-requests:workload", "slow-requests", Severity.LOW, SLOW_TITLE, null, null,
                null, List.of(), Map.of(), Suggestion.text("Add an index | or two"), 120.0);
    }

    /** A request endpoint with markup in its name, and the statements of a scheduler's threads. */
    static List<EndpointStats> endpoints() {
        return List.of(
                new EndpointStats("e1", ENDPOINT, 120, 2_400, 3, 1_234.5, 20, 41, 9.75, 22.5),
                new EndpointStats("e2", "no request: scheduling-*", 0, 50, 0, 80.25, 0, 0, 0, 0));
    }

    /**
     * A HikariCP pool, sampled, whose threads waited and once timed out; and connections from a driver,
     * which no pool gauges describe.
     */
    static List<PoolSummary> pools() {
        return List.of(
                new PoolSummary(POOL, true, new PoolSettings(10, 10, 30_000, 1_800_000, 600_000, 0), 930, 10, 4, 12,
                        0.35, 4_800, 12.5, 250.75, 48.25, 1_200.5, 1, 1, 19_200, 2),
                new PoolSummary("org.postgresql.Driver", false, PoolSettings.UNKNOWN, 0, 0, -1, 0, 0, 3, 8.0, 9.5,
                        20.0, 21.25, 0, 0, 3, 0));
    }

    /** {@value #QUERY_COUNT} fingerprints, deliberately not in order of total time. */
    static List<QueryStats> queries() {
        List<QueryStats> queries = new ArrayList<>();
        String[] nasty = {UNICODE_SQL, N_PLUS_ONE_SQL, SCRIPT_SQL, BACKTICK_SQL, MULTILINE_SQL};
        for (int i = 0; i < QUERY_COUNT; i++) {
            String sql = i < nasty.length ? nasty[i] : "select c" + i + " from filler_" + i + " where id = ?";
            double total = i == 1 ? 5_000 : 100.0 * (QUERY_COUNT - i) + 0.25;
            long count = 10L + i;
            queries.add(new QueryStats("fp" + i, sql, StatementType.SELECT, count, i == 2 ? 1 : 0, total,
                    total / count, 1.5, 12.25, 20.5, 99.75, 1_000L * i, 0,
                    List.of(CallSiteCount.of(new CallSite("com.shop.Dao", "q" + i, "Dao.java", i), count)),
                    List.of(new EndpointCount(i == 2 ? ENDPOINT : "GET /orders/{id}", count, total)),
                    1_748_772_000_000L, 1_748_772_930_000L));
        }
        return queries;
    }

    static String write(ReportWriter writer, Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
