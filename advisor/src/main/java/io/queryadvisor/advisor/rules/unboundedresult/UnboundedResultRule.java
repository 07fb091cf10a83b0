package io.queryadvisor.advisor.rules.unboundedresult;

import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.capture.FetchSizeSet;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.support.BoundedFingerprintMap;
import io.queryadvisor.advisor.rules.support.FingerprintFinding;
import io.queryadvisor.advisor.rules.support.Impact;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * {@code unbounded-result}: queries without a LIMIT (or FETCH FIRST, TOP) that read many rows, or
 * more and more as the data grows: memory and time that grow with the tables, until a request runs
 * out of either.
 *
 * <p>A SELECT whose facts say it has no limit is flagged when one of its executions read at least
 * {@code threshold} rows, or when it keeps growing: its latest {@code window} executions read on
 * average at least {@code growthFactor} times the rows of its first {@code window}, and at least
 * {@code minGrowingRows}. The rows are those the application read ({@code rowsRead}). Not a query
 * with a limit, nor one that reads a few rows, nor one whose rows stay level.
 *
 * <p>It also follows the fetch sizes set on statements ({@link FetchSizes}), to say whether the
 * driver was asked to stream: on PostgreSQL only in a transaction, which it counts too.
 *
 * <p>The finding shows the executions, the largest result and how many went over the threshold, the
 * first and latest mean rows, the fetch size, the time (which grades the severity: that of the large
 * executions) and the call sites; it suggests pages or a stream (see {@link UnboundedResultSuggestion}).
 *
 * <p>Settings, under {@code queryadvisor.rules.unbounded-result.}:
 * <ul>
 *   <li>{@code threshold} (default 10000): rows read by one execution that make it large;</li>
 *   <li>{@code growthFactor} (default 4), {@code minGrowingRows} (default 1000) and {@code window}
 *       (default 10): when a result keeps growing;</li>
 *   <li>{@code maxConnections} (default 10000): connections whose fetch sizes are followed;</li>
 *   <li>{@code maxFingerprints} (default 1000): queries whose result sizes are followed.</li>
 * </ul>
 */
public final class UnboundedResultRule implements Rule {

    public static final String ID = "unbounded-result";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Unbounded results",
            "Enforce payload limits; stream large responses", RuleDescriptor.Kind.QUERY,
            "Queries without a LIMIT that read many rows, or more and more as the data grows, and whether a fetch"
                    + " size asked the driver to stream them; suggests keyset pages, a LIMIT, or streaming with a"
                    + " fetch size (on PostgreSQL, in a transaction).");

    private final long threshold;
    private final double growthFactor;
    private final long minGrowingRows;
    private final int window;
    private final FetchSizes fetchSizes;
    private final BoundedFingerprintMap<ResultSizes> tracked;

    public UnboundedResultRule(RuleSettings settings) {
        this.threshold = settings.integer("threshold", 10_000, 1, Integer.MAX_VALUE);
        this.growthFactor = settings.decimal("growthFactor", 4.0, 1.1, 1_000_000);
        this.minGrowingRows = settings.integer("minGrowingRows", 1_000, 1, Integer.MAX_VALUE);
        this.window = settings.integer("window", 10, 1, 1_000);
        this.fetchSizes = new FetchSizes(settings.integer("maxConnections", 10_000, 1, 1_000_000));
        this.tracked = BoundedFingerprintMap.configured(ID, settings);
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void onEvent(CaptureEvent event) {
        if (event instanceof ObservedStatement statement) {
            onStatement(statement);
        } else if (event instanceof FetchSizeSet fetchSize) {
            fetchSizes.set(fetchSize);
        } else if (event instanceof ConnectionReleased released) {
            fetchSizes.released(released.connectionId());
        }
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of("fingerprintsDropped", tracked.dropped());
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        return tracked.findings(context, (stats, sizes) -> sizes.maxRows() >= threshold
                || sizes.growing(growthFactor, minGrowingRows) ? recommendation(stats, sizes, context) : null);
    }

    /** Queries whose result sizes are followed now. */
    int fingerprintsTracked() {
        return tracked.size();
    }

    /** Connections whose fetch sizes are followed now. */
    int connectionsTracked() {
        return fetchSizes.connections();
    }

    private void onStatement(ObservedStatement statement) {
        StatementExecuted e = statement.event();
        Fingerprint fp = statement.fingerprint();
        if (fp.type() != StatementType.SELECT || fp.facts().hasLimit() || e.rowsRead() < 0 || e.failed()) {
            return;
        }
        tracked.getOrCreate(fp.id(), () -> new ResultSizes(fp, window))
                .record(e, threshold, fetchSizes.of(e.connectionId(), e.sql()));
    }

    private Recommendation recommendation(QueryStats stats, ResultSizes sizes, RuleContext context) {
        Dialect dialect = context.dialect(sizes.dataSource());
        boolean growing = sizes.growing(growthFactor, minGrowingRows);
        FingerprintFinding finding = FingerprintFinding.about(ID, stats)
                .callSites(sizes.callSites().callSites())
                .title(title(sizes, growing))
                .evidence("executions", sizes.executions())
                .evidence("maxRows", sizes.maxRows())
                .evidence("thresholdRows", threshold)
                .evidence("executionsOverThreshold", sizes.overThreshold());
        if (sizes.comparable()) {
            finding.evidence("firstRowsMean", sizes.firstMean()).evidence("recentRowsMean", sizes.recentMean());
        }
        finding.evidence("fetchSize", fetchSize(sizes));
        if (dialect == Dialect.POSTGRESQL && sizes.fetchSizeInAutoCommit() > 0) {
            finding.evidence("fetchSizeIgnoredInAutoCommit", sizes.fetchSizeInAutoCommit());
        }
        return finding.evidence("callSites", sizes.callSites().describe("not sampled"))
                .impact(sizes.impactMillis(), sizes.overThreshold() > 0 ? sizes.overThreshold() : sizes.executions())
                .suggestion(UnboundedResultSuggestion.of(sizes, dialect))
                .build(context);
    }

    private static String fetchSize(ResultSizes sizes) {
        if (sizes.withFetchSize() == 0) {
            return "not set";
        }
        String size = String.valueOf(sizes.largestFetchSize());
        return sizes.withFetchSize() == sizes.executions() ? size
                : size + " (in " + sizes.withFetchSize() + " of " + sizes.executions() + " executions)";
    }

    private static String title(ResultSizes sizes, boolean growing) {
        List<String> tables = sizes.fingerprint().facts().tables();
        String what = tables.isEmpty() ? "a query" : "a query on " + tables.get(0);
        String title = "Unbounded result: " + what + " without a limit read up to " + sizes.maxRows() + " rows";
        return growing ? title + ", and more and more (" + Math.round(sizes.firstMean()) + " rows per execution at"
                + " first, " + Math.round(sizes.recentMean()) + " lately)" : title;
    }
}
