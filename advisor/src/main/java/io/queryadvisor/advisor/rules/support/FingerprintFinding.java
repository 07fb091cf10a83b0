package io.queryadvisor.advisor.rules.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.stats.CallSiteCount;
import io.queryadvisor.advisor.stats.EndpointCount;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * Builds the {@link Recommendation} of a rule about one fingerprint, so that every such finding
 * gets its id, severity, SQL and call sites the same way: the id from {@link Recommendation#idFor},
 * the severity from {@link Impact#severity}, the call sites from the fingerprint's statistics
 * (most frequent first), the SQL from the fingerprint (literals already masked), and an
 * {@value #ENDPOINTS} evidence line naming the fingerprint's top endpoints, unless the rule named
 * the endpoints of the executions it judged itself.
 *
 * <pre>{@code
 * FingerprintFinding.about("slow-query", stats)
 *         .title("Slow query: p95 250 ms")
 *         .evidence("executions", stats.count())
 *         .suggestion(Suggestion.text("Add an index"))
 *         .impact(stats.totalMillis(), stats.count())
 *         .build(context);
 * }</pre>
 */
public final class FingerprintFinding {

    /** The evidence line that names the endpoints. */
    public static final String ENDPOINTS = "endpoints";

    /** Endpoints the evidence names; the rest are counted as others. */
    static final int TOP_ENDPOINTS = 3;

    private final String rule;
    private final QueryStats stats;
    private final Map<String, Object> evidence = new LinkedHashMap<>();
    private String title;
    private Suggestion suggestion;
    private double impactMillis;
    private long executions;
    private List<CallSiteCount> callSites;

    private FingerprintFinding(String rule, QueryStats stats) {
        this.rule = rule;
        this.stats = stats;
        this.impactMillis = stats.totalMillis();
        this.executions = stats.count();
        this.callSites = stats.callSites();
    }

    /** A finding of {@code rule} about the fingerprint {@code stats} describes. */
    public static FingerprintFinding about(String rule, QueryStats stats) {
        return new FingerprintFinding(rule, stats);
    }

    public FingerprintFinding title(String title) {
        this.title = title;
        return this;
    }

    /** Adds one figure, in reading order; decimals are rounded with {@link Impact#round}. */
    public FingerprintFinding evidence(String name, Object value) {
        evidence.put(name, value instanceof Double d ? Impact.round(d) : value);
        return this;
    }

    public FingerprintFinding suggestion(Suggestion suggestion) {
        this.suggestion = suggestion;
        return this;
    }

    /**
     * The call sites of the executions the finding is about, in place of all the fingerprint's; an
     * empty list (none of them sampled) keeps the fingerprint's, the best lead there is.
     */
    public FingerprintFinding callSites(List<CallSiteCount> sites) {
        if (!sites.isEmpty()) {
            this.callSites = sites;
        }
        return this;
    }

    /**
     * The time the problem costs and over how many executions it was seen; the severity is graded
     * from them. Defaults to the fingerprint's total time and execution count.
     */
    public FingerprintFinding impact(double millis, long executions) {
        this.impactMillis = millis;
        this.executions = executions;
        return this;
    }

    public Recommendation build(RuleContext context) {
        if (title == null || suggestion == null) {
            throw new IllegalStateException("a finding needs a title and a suggestion");
        }
        if (!evidence.containsKey(ENDPOINTS) && !stats.endpoints().isEmpty()) {
            evidence.put(ENDPOINTS, EndpointCount.describe(stats.endpoints(), TOP_ENDPOINTS));
        }
        return new Recommendation(Recommendation.idFor(rule, stats.fingerprintId()), rule,
                Impact.severity(impactMillis, executions, context), title, stats.fingerprintId(),
                stats.fingerprint(), stats.fingerprint(), callSites, evidence, suggestion, Impact.round(impactMillis));
    }
}
