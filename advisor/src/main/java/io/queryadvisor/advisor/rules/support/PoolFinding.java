package io.queryadvisor.advisor.rules.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.stats.CallSiteCount;

/**
 * Builds the {@link Recommendation} of a connection rule about one pool or data source (not about
 * a fingerprint), so that all of them get their id and severity alike: the id is
 * {@code rule:pool} or {@code rule:pool:aspect} (stable across runs as long as the pool keeps its
 * name), the severity from {@link Impact#severity}; no fingerprint, no SQL.
 */
public final class PoolFinding {

    private final String rule;
    private final String key;
    private final Map<String, Object> evidence = new LinkedHashMap<>();
    private String title;
    private Suggestion suggestion;
    private double impactMillis;
    private long occurrences;
    private List<CallSiteCount> callSites = List.of();

    private PoolFinding(String rule, String key) {
        this.rule = rule;
        this.key = key;
    }

    /** A finding of {@code rule} about the pool or data source {@code pool}. */
    public static PoolFinding about(String rule, String pool) {
        return new PoolFinding(rule, pool);
    }

    /** A finding of {@code rule} about one aspect of {@code pool} (a call site, a kind of timeout). */
    public static PoolFinding about(String rule, String pool, String aspect) {
        return new PoolFinding(rule, pool + ":" + aspect);
    }

    public PoolFinding title(String title) {
        this.title = title;
        return this;
    }

    /** Adds one figure, in reading order; decimals are rounded with {@link Impact#round}. */
    public PoolFinding evidence(String name, Object value) {
        evidence.put(name, value instanceof Double d ? Impact.round(d) : value);
        return this;
    }

    public PoolFinding suggestion(Suggestion suggestion) {
        this.suggestion = suggestion;
        return this;
    }

    public PoolFinding callSites(List<CallSiteCount> sites) {
        this.callSites = sites;
        return this;
    }

    /** The time the problem costs (threads waiting, connections held idle) and over how many occurrences. */
    public PoolFinding impact(double millis, long occurrences) {
        this.impactMillis = millis;
        this.occurrences = occurrences;
        return this;
    }

    public Recommendation build(RuleContext context) {
        if (title == null || suggestion == null) {
            throw new IllegalStateException("a finding needs a title and a suggestion");
        }
        return new Recommendation(Recommendation.idFor(rule, key), rule,
                Impact.severity(impactMillis, occurrences, context), title, null, null, null, callSites, evidence,
                suggestion, Impact.round(impactMillis));
    }
}
