package io.queryadvisor.advisor.rules.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * A rule's state per fingerprint, bounded: past {@code maxEntries} the least recently seen
 * fingerprint is dropped, counted, and said once in the log.
 *
 * <p>Least recently seen is the right victim for rule state: statistics keep their own
 * (time-weighted) bound, and a rule that loses the state of a fingerprint only loses detail that
 * a fingerprint still running would soon rebuild. Not thread-safe: rules are serialised by the
 * {@link RuleEngine}.
 *
 * @param <V> the state kept per fingerprint id
 */
public final class BoundedFingerprintMap<V> {

    private static final System.Logger LOG = System.getLogger("io.queryadvisor");

    /** The setting, under {@code queryadvisor.rules.<rule-id>.}, that bounds a rule's map. */
    static final String MAX_FINGERPRINTS = "maxFingerprints";
    static final int DEFAULT_MAX_FINGERPRINTS = 1_000;

    private final String ruleId;
    private final int maxEntries;
    private final LinkedHashMap<String, V> byId = new LinkedHashMap<>(64, 0.75f, true);
    private long dropped;

    /** A map for rule {@code ruleId} (named in the log when the bound is first reached). */
    public BoundedFingerprintMap(String ruleId, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.ruleId = ruleId;
        this.maxEntries = maxEntries;
    }

    /** A map bounded by the rule's {@code maxFingerprints} setting (default {@value #DEFAULT_MAX_FINGERPRINTS}). */
    public static <V> BoundedFingerprintMap<V> configured(String ruleId, RuleSettings settings) {
        return new BoundedFingerprintMap<>(ruleId,
                settings.integer(MAX_FINGERPRINTS, DEFAULT_MAX_FINGERPRINTS, 1, 1_000_000));
    }

    /** The state of {@code fingerprintId}, made by {@code fresh} (dropping the stalest entry if full) when absent. */
    public V getOrCreate(String fingerprintId, Supplier<V> fresh) {
        V state = byId.get(fingerprintId);
        if (state != null) {
            return state;
        }
        if (byId.size() >= maxEntries) {
            dropStalest();
        }
        state = fresh.get();
        byId.put(fingerprintId, state);
        return state;
    }

    /** The state of {@code fingerprintId}, or {@code null} when none is kept; counts as a use. */
    public V get(String fingerprintId) {
        return byId.get(fingerprintId);
    }

    /**
     * A copy of the state by fingerprint id, least recently seen first. Reading the copy does not
     * count as a use, so reporting never reorders what is dropped next.
     */
    public Map<String, V> copy() {
        return new LinkedHashMap<>(byId);
    }

    /**
     * The findings of the fingerprints still in the statistics, at most one per entry, made by
     * {@code finding} from the fingerprint's statistics and its state ({@code null}: none yet).
     */
    public List<Recommendation> findings(RuleContext context, BiFunction<QueryStats, V, Recommendation> finding) {
        List<Recommendation> found = new ArrayList<>();
        for (Map.Entry<String, V> e : byId.entrySet()) {
            QueryStats stats = context.stats(e.getKey());
            Recommendation r = stats == null ? null : finding.apply(stats, e.getValue());
            if (r != null) {
                found.add(r);
            }
        }
        return found;
    }

    public int size() {
        return byId.size();
    }

    /** Fingerprints whose state was dropped to stay within the bound. */
    public long dropped() {
        return dropped;
    }

    private void dropStalest() {
        var stalest = byId.keySet().iterator();
        stalest.next();
        stalest.remove();
        if (dropped++ == 0) {
            LOG.log(System.Logger.Level.INFO, "Query Advisor: rule " + ruleId + " keeps the state of at most "
                    + maxEntries + " fingerprints; the least recently seen are now dropped and counted"
                    + " (raise queryadvisor.rules." + ruleId + "." + MAX_FINGERPRINTS + " to keep more)");
        }
    }
}
