package io.queryadvisor.advisor.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.stats.CallSiteCount;

/**
 * One finding: a problem, the evidence that proves it, where in the code it comes from, and the fix.
 *
 * @param id            stable across runs: the same problem gets the same id ({@code rule:fingerprintId}),
 *                      so two reports can be compared
 * @param rule          the rule id, e.g. {@code n-plus-one}; part of the public interface
 * @param severity      from measured impact
 * @param title         one line a developer reads first
 * @param fingerprintId the fingerprint the finding is about, or {@code null} for workload-wide findings
 * @param fingerprint   its normalised SQL
 * @param sql           one example statement, literals masked
 * @param callSites     application frames, most frequent first, with the sampled executions from each
 * @param evidence      the figures, in reading order: names to numbers or short strings
 * @param suggestion    what to change
 * @param impactMillis  time the problem costs (used to order findings of the same severity)
 */
public record Recommendation(String id, String rule, Severity severity, String title, String fingerprintId,
                             String fingerprint, String sql, List<CallSiteCount> callSites, Map<String, Object> evidence,
                             Suggestion suggestion, double impactMillis) {

    public Recommendation {
        callSites = List.copyOf(callSites);
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** The stable id of the finding of {@code rule} about {@code fingerprintId}. */
    public static String idFor(String rule, String fingerprintId) {
        return rule + ":" + fingerprintId;
    }
}
