package io.queryadvisor.advisor.rules.slowquery;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.config.ConfigurationException;
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
 * {@code slow-query}: statements that take long, or that take most of the database time between them.
 *
 * <p>A fingerprint is flagged when
 * <ul>
 *   <li>its p95 took longer than {@code threshold} (it is slow as a rule; a query run once is
 *       judged by that one execution); or</li>
 *   <li>its executions over the threshold are a real share of all its executions: at least
 *       {@code minSlowExecutions} of them, and at least {@code minSlowShare} of its count (it is slow
 *       now and then). Isolated spikes of a fast query (3 of 2,843 executions of a 0.04 ms lookup on
 *       a loaded machine: a pause, a checkpoint, not the query) are not a finding; or</li>
 *   <li>it dominates the workload: its total time is at least {@code dominantShare} of all statement
 *       time, over at least {@code minExecutions} executions, and at least {@code threshold} in all
 *       (so that in a short run the largest of a few fast statements is not called slow).</li>
 * </ul>
 * Figures come from the fingerprint's statistics; the rule itself keeps only what they lack: how
 * many executions were over the threshold, their time, and the slowest one's call site.
 *
 * <p>Each execution over the threshold is also written as one JSON line to the
 * {@code io.queryadvisor.slow} logger (see {@link SlowQueryLog}).
 *
 * <p>Settings, under {@code queryadvisor.rules.slow-query.}:
 * <ul>
 *   <li>{@code threshold} (default {@code 100ms}): a statement slower than this is slow;</li>
 *   <li>{@code dominantShare} (default {@code 0.5}): the share of all statement time above which a
 *       fingerprint dominates;</li>
 *   <li>{@code minExecutions} (default 5): executions needed before a fingerprint can dominate;</li>
 *   <li>{@code minSlowExecutions} (default 3) and {@code minSlowShare} (default 0.01): how many
 *       executions over the threshold, and which share of all, make a query slow now and then;</li>
 *   <li>{@code logLimitPerSecond} (default 20): JSON log lines per second at most, 0 for none;</li>
 *   <li>{@code logTo} (default {@code logger}): where the JSON lines go: {@code logger} (the
 *       {@code io.queryadvisor.slow} platform logger at DEBUG, quiet unless turned on), {@code jul}
 *       (that logger at INFO), {@code stderr}, or {@code file:PATH} (see {@link SlowQueryLog#sink});</li>
 *   <li>{@code includeDdl} (default false): also judge DDL ({@code CREATE INDEX}, {@code ALTER TABLE}, ...).
 *       Schema changes run once, at deploy or start-up, and are slow by nature; flagging them
 *       would bury the queries a developer can make faster;</li>
 *   <li>{@code maxFingerprints} (default 1000): fingerprints whose slow executions are tracked;
 *       the least recently seen are dropped past it, and counted.</li>
 * </ul>
 */
public final class SlowQueryRule implements Rule {

    public static final String ID = "slow-query";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Slow queries",
            "Watch slow queries", RuleDescriptor.Kind.QUERY,
            "Statements above the threshold, queries whose p95 is above it, and queries that take most of the"
                    + " database time; each slow statement is also logged as one JSON line.");

    /** {@code slowBecause}: its p95 (or its only execution) is over the threshold. */
    public static final String TYPICALLY_SLOW = "p95 over the threshold";
    /** {@code slowBecause}: a real share of its executions are over the threshold. */
    public static final String SLOW_NOW_AND_THEN = "slow executions a real share";
    /** {@code slowBecause}: fast one by one, its executions take most of the statement time together. */
    public static final String DOMINANT = "dominant in sum";

    private final long thresholdNanos;
    private final double thresholdMillis;
    private final double dominantShare;
    private final int minExecutions;
    private final int minSlowExecutions;
    private final double minSlowShare;
    private final boolean includeDdl;
    private final SlowQueryLog log;
    private final BoundedFingerprintMap<SlowExecutions> slow;

    public SlowQueryRule(RuleSettings settings) {
        this(settings, logSink(settings));
    }

    private static Consumer<String> logSink(RuleSettings settings) {
        try {
            return SlowQueryLog.sink(settings.string("logTo", "logger"));
        } catch (ConfigurationException wrong) {
            settings.reject(wrong);
            return SlowQueryLog.sink("logger");
        }
    }

    /** A rule whose JSON log lines go to {@code logSink} instead of the {@code io.queryadvisor.slow} logger. */
    SlowQueryRule(RuleSettings settings, Consumer<String> logSink) {
        this.thresholdNanos = threshold(settings).toNanos();
        this.thresholdMillis = thresholdNanos / 1_000_000.0;
        this.dominantShare = settings.decimal("dominantShare", 0.5, 0.01, 1.0);
        this.minExecutions = settings.integer("minExecutions", 5, 1, Integer.MAX_VALUE);
        this.minSlowExecutions = settings.integer("minSlowExecutions", 3, 1, Integer.MAX_VALUE);
        this.minSlowShare = settings.decimal("minSlowShare", 0.01, 0.0, 1.0);
        this.includeDdl = settings.bool("includeDdl", false);
        this.log = new SlowQueryLog(ID, settings.integer("logLimitPerSecond", 20, 0, 100_000), logSink);
        this.slow = BoundedFingerprintMap.configured(ID, settings);
    }

    /**
     * The {@code threshold} setting, validated: a statement slower than this is slow. Shared with the
     * advisor's statement totals, which count slow statements whether this rule runs or not.
     */
    public static Duration threshold(RuleSettings settings) {
        Duration byDefault = Duration.ofMillis(100);
        Duration threshold = settings.duration("threshold", byDefault);
        if (threshold.isZero() || threshold.isNegative()) {
            settings.reject(new ConfigurationException("queryadvisor.rules." + ID + ".threshold: expected a positive"
                    + " duration such as 100ms, got " + threshold.toMillis() + "ms"));
            return byDefault;
        }
        return threshold;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void onEvent(CaptureEvent event) {
        if (event instanceof ObservedStatement statement) {
            onStatement(statement);
        }
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of("fingerprintsDropped", fingerprintsDropped(), "logLinesSuppressed", logLinesSuppressed());
    }

    private void onStatement(ObservedStatement statement) {
        StatementExecuted e = statement.event();
        if (e.durationNanos() <= thresholdNanos || !judged(statement.fingerprint().type())) {
            return;
        }
        slow.getOrCreate(statement.fingerprint().id(), SlowExecutions::new).record(e, statement.fingerprint());
        log.write(statement);
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        Map<String, SlowExecutions> slowById = slow.copy();
        List<Recommendation> found = new ArrayList<>();
        for (QueryStats q : context.workload().queries()) {
            if (!judged(q.type())) {
                continue;
            }
            SlowExecutions s = slowById.get(q.fingerprintId());
            boolean slowAsARule = q.p95Millis() > thresholdMillis;
            boolean outliers = s != null && s.count >= minSlowExecutions && s.count >= minSlowShare * q.count();
            boolean dominant = q.count() >= minExecutions && q.totalMillis() >= thresholdMillis
                    && context.shareOf(q.totalMillis()) >= dominantShare;
            if (slowAsARule || outliers || dominant) {
                found.add(recommendation(q, s, slowAsARule, outliers, dominant, context));
            }
        }
        return found;
    }

    private boolean judged(StatementType type) {
        return includeDdl || type != StatementType.DDL;
    }

    /** Fingerprints whose slow-execution state was dropped to stay bounded. */
    public long fingerprintsDropped() {
        return slow.dropped();
    }

    /** Fingerprints whose slow executions are tracked now. */
    int fingerprintsTracked() {
        return slow.size();
    }

    /** JSON log lines left out by the rate limit so far. */
    public long logLinesSuppressed() {
        return log.suppressed();
    }

    private Recommendation recommendation(QueryStats q, SlowExecutions s, boolean slowAsARule, boolean outliers,
                                          boolean dominant, RuleContext context) {
        boolean wholeTimeCounts = slowAsARule || dominant;
        double share = context.shareOf(q.totalMillis());
        FingerprintFinding finding = FingerprintFinding.about(ID, q)
                .title(title(q, s, share, slowAsARule, outliers))
                .evidence("executions", q.count());
        if (s != null) {
            finding.evidence("slowExecutions", s.count);
        } else if (q.maxMillis() <= thresholdMillis) {
            finding.evidence("slowExecutions", 0L);
        } // else: slow ones were seen, but their count was dropped to stay bounded; better none than a wrong one
        finding.evidence("thresholdMillis", thresholdMillis)
                .evidence("p50Millis", q.p50Millis())
                .evidence("p95Millis", q.p95Millis())
                .evidence("p99Millis", q.p99Millis())
                .evidence("maxMillis", q.maxMillis())
                .evidence("totalMillis", q.totalMillis())
                .evidence("shareOfStatementTimePercent", Impact.percent(share))
                .evidence("rows", q.rows());
        if (s != null) {
            finding.evidence("slowestCallSite", s.slowestCallSite)
                    .evidence("slowestMillis", s.slowestNanos / 1_000_000.0);
        }
        // When only a few outliers are slow, they are the problem, not the fingerprint's whole time.
        if (!wholeTimeCounts && s != null) {
            finding.impact(s.totalNanos / 1_000_000.0, s.count);
        }
        SlowQuerySuggestion.Diagnosis diagnosis = SlowQuerySuggestion.diagnose(q, s, thresholdMillis);
        finding.evidence("slowBecause", slowAsARule ? TYPICALLY_SLOW : outliers ? SLOW_NOW_AND_THEN : DOMINANT)
                .evidence("diagnosis", diagnosis.label);
        return finding.suggestion(SlowQuerySuggestion.of(diagnosis, q, s)).build(context);
    }

    private String title(QueryStats q, SlowExecutions s, double share, boolean slowAsARule, boolean outliers) {
        if (slowAsARule) {
            if (q.count() == 1) {
                return "Slow query: " + ms(q.maxMillis()) + " in its only execution (threshold " + ms(thresholdMillis) + ")";
            }
            return "Slow query: p95 " + ms(q.p95Millis()) + " over " + q.count() + " executions (threshold "
                    + ms(thresholdMillis) + ")";
        }
        if (outliers) {
            String slowCount = s.count + " of " + q.count();
            return "Slow query: " + slowCount + " executions over " + ms(thresholdMillis) + " (slowest "
                    + ms(q.maxMillis()) + ")";
        }
        return "Dominant query: " + Impact.percent(share) + "% of all statement time (" + ms(q.totalMillis())
                + " in " + q.count() + " executions)";
    }

    /** {@code 250 ms}, {@code 12.5 ms}: no trailing {@code .0} in a title. */
    private static String ms(double millis) {
        return BigDecimal.valueOf(Impact.round(millis)).stripTrailingZeros().toPlainString() + " ms";
    }
}
