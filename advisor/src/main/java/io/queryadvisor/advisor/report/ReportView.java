package io.queryadvisor.advisor.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.queryadvisor.advisor.endpoints.EndpointStats;
import io.queryadvisor.advisor.pool.PoolSettings;
import io.queryadvisor.advisor.pool.PoolSummary;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Severity;
import io.queryadvisor.advisor.stats.CaptureHealth;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * What the human-readable formats show of a report, decided once: the title, the summary's facts,
 * the findings, the top queries and the endpoints. The Markdown and HTML writers differ only in markup.
 */
final class ReportView {

    /** The top-queries table lists this many fingerprints, most total time first. */
    static final int TOP_QUERIES = 20;

    /** The endpoints table lists this many endpoints, most time in the database first. */
    static final int TOP_ENDPOINTS = 20;

    /** The endpoints table's figure columns, in the order of {@link #endpointFigures}. */
    static final List<String> ENDPOINT_COLUMNS = List.of("Requests", "Statements", "Statements/request p50",
            "Statements/request p95", "DB ms/request p50", "DB ms/request p95", "Total ms", "Errors");

    /** The pools table's figure columns, in the order of {@link #poolFigures}. */
    static final List<String> POOL_COLUMNS = List.of("Max size", "Min idle", "Connection timeout ms", "Max active",
            "Max waiting", "Acquisitions", "Acquire p95 ms", "Hold p95 ms", "Hold max ms", "Timeouts");

    /** A fingerprint longer than this is cut in the top-queries table; findings show it whole. */
    static final int MAX_SQL_IN_TABLE = 300;

    /** One line of the summary, e.g. {@code Statements observed: 12,345}. */
    record Fact(String label, String value) {
    }

    private final Report report;

    ReportView(Report report) {
        this.report = report;
    }

    private String applicationName() {
        String name = report.application() == null ? null : report.application().name();
        return name == null || name.isBlank() ? "unnamed application" : name;
    }

    String title() {
        return "Query Advisor report: " + applicationName();
    }

    /** Generated when, on which JVM. */
    String subtitle() {
        String jvm = report.application() == null ? null : report.application().jvm();
        return "Generated " + report.generatedAt() + (jvm == null || jvm.isBlank() ? "" : " on " + jvm);
    }

    /** Each database as {@code product (source) via driver, url}. */
    List<String> databases() {
        if (report.application() == null) {
            return List.of();
        }
        return report.application().databases().stream().map(ReportView::describe).toList();
    }

    private static String describe(ApplicationInfo.DatabaseInfo d) {
        StringBuilder text = new StringBuilder(d.product() == null ? "unknown database" : d.product());
        if (d.source() != null) {
            text.append(" (").append(d.source()).append(')');
        }
        if (d.driver() != null) {
            text.append(" via ").append(d.driver());
        }
        if (d.url() != null) {
            text.append(", ").append(d.url());
        }
        return text.toString();
    }

    List<Fact> summary() {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Findings", findingCounts()));
        CaptureHealth capture = report.capture();
        long observed = capture == null ? 0 : capture.statementsObserved();
        facts.add(new Fact("Statements observed",
                Figures.count(observed) + " (" + Figures.count(report.queries().size()) + " distinct queries)"));
        if (capture == null) {
            return facts;
        }
        // Each loss below makes the figures undercount; a reader must see it next to the figures.
        if (capture.eventsDropped() > 0) {
            facts.add(new Fact("Events dropped", Figures.count(capture.eventsDropped())
                    + ": the capture buffer was full, so the figures undercount the workload"));
        }
        if (capture.fingerprintsEvicted() > 0) {
            facts.add(new Fact("Queries evicted", Figures.count(capture.fingerprintsEvicted())
                    + ": the least costly were forgotten to stay within the fingerprint limit"));
        }
        if (capture.parsesDeferred() > 0) {
            facts.add(new Fact("Parses deferred", Figures.count(capture.parsesDeferred())
                    + ": new statements read from their tokens only, the parse budget being spent; rules that"
                    + " need a statement's structure missed them until they came again"));
        }
        if (!capture.switchedOff().isEmpty()) {
            facts.add(new Fact("Switched off", String.join(", ", capture.switchedOff())
                    + ": failed and switched off, so their findings are missing (see the application log)"));
        }
        if (capture.listenerFailures() > 0) {
            facts.add(new Fact("Listener failures", Figures.count(capture.listenerFailures())
                    + ": some events could not be analysed (see the application log)"));
        }
        return facts;
    }

    List<Recommendation> findings() {
        return report.recommendations();
    }

    /** The statement a finding shows: its example, else its fingerprint, else {@code null}. */
    static String exampleSql(Recommendation r) {
        return r.sql() != null && !r.sql().isBlank() ? r.sql() : r.fingerprint();
    }

    /** {@code HIGH}, {@code MEDIUM} or {@code LOW}: how a finding's heading starts. */
    static String severityTag(Recommendation r) {
        return r.severity().name();
    }

    List<QueryStats> topQueries() {
        return report.queries().stream()
                .sorted(Comparator.comparingDouble(QueryStats::totalMillis).reversed())
                .limit(TOP_QUERIES)
                .toList();
    }

    String topQueriesCaption() {
        int shown = Math.min(TOP_QUERIES, report.queries().size());
        return "The " + shown + " most costly of " + Figures.count(report.queries().size())
                + " distinct queries, by total time.";
    }

    List<EndpointStats> topEndpoints() {
        return report.endpoints().stream()
                .sorted(Comparator.comparingDouble(EndpointStats::totalMillis).reversed())
                .limit(TOP_ENDPOINTS)
                .toList();
    }

    String endpointsCaption() {
        int shown = Math.min(TOP_ENDPOINTS, report.endpoints().size());
        return "The " + shown + " of " + Figures.count(report.endpoints().size())
                + " endpoints with the most time in the database. Statements outside any request are listed as"
                + " \"no request\" and their thread's name.";
    }

    /** One endpoint's figures, in the order of {@link #ENDPOINT_COLUMNS}. */
    static List<String> endpointFigures(EndpointStats e) {
        boolean requests = e.requests() > 0;
        return List.of(Figures.count(e.requests()), Figures.count(e.statements()),
                requests ? Figures.count(e.statementsPerRequestP50()) : Figures.NONE,
                requests ? Figures.count(e.statementsPerRequestP95()) : Figures.NONE,
                requests ? Figures.millis(e.dbMillisPerRequestP50()) : Figures.NONE,
                requests ? Figures.millis(e.dbMillisPerRequestP95()) : Figures.NONE,
                Figures.millis(e.totalMillis()), Figures.count(e.errors()));
    }

    List<PoolSummary> pools() {
        return report.pools();
    }

    String poolsCaption() {
        return "Each pool or data source the application got connections from. Its settings and the most"
                + " connections active and threads waiting are the pool's own, sampled once a second (" + Figures.NONE + " where"
                + " the pool does not say or is not one Query Advisor reads); acquire and hold times are the"
                + " application's checkouts.";
    }

    /** One pool's figures, in the order of {@link #POOL_COLUMNS}. */
    static List<String> poolFigures(PoolSummary p) {
        PoolSettings s = p.settings();
        return List.of(known(s.maximumPoolSize()), known(s.minimumIdle()), knownMillis(s.connectionTimeoutMillis()),
                p.sampled() ? Figures.count(p.maxActive()) : Figures.NONE, known(p.maxWaiting()),
                Figures.count(p.acquisitions()), Figures.millis(p.acquireP95Millis()), Figures.millis(p.holdP95Millis()),
                Figures.millis(p.holdMaxMillis()), Figures.count(p.timeouts()));
    }

    /** A count the pool may not say (-1). */
    private static String known(long count) {
        return count < 0 ? Figures.NONE : Figures.count(count);
    }

    /** A timeout in milliseconds: -1 not said, 0 none (a thread waits for ever). */
    private static String knownMillis(long millis) {
        return millis < 0 ? Figures.NONE : millis == 0 ? "none" : Figures.count(millis);
    }

    /** A fingerprint as the top-queries table shows it: on one line, cut when long. */
    static String tableSql(QueryStats q) {
        return Figures.abbreviate(Figures.oneLine(q.fingerprint()), MAX_SQL_IN_TABLE);
    }

    private String findingCounts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Recommendation r : report.recommendations()) {
            counts.merge(r.severity(), 1, Integer::sum);
        }
        StringJoiner text = new StringJoiner(", ");
        counts.forEach((severity, n) -> text.add(n + " " + severity.label()));
        return text.toString();
    }
}
