package io.queryadvisor.advisor.rules.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.stats.CaptureHealth;
import io.queryadvisor.advisor.stats.QueryStatistics;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;

/**
 * Feeds the same statements to a rule and to real {@link QueryStatistics}, and asks the rule for its
 * findings on the statistics' snapshot, as the advisor does. Calls the rule directly rather than
 * through the {@link RuleEngine}, which would swallow its exceptions and let a test pass on nothing.
 */
public final class RuleWorkload {

    private final Rule rule;
    private final QueryStatistics statistics = new QueryStatistics(100_000, 16);

    public RuleWorkload(Rule rule) {
        this.rule = rule;
    }

    /** The settings of rule {@code ruleId} from key/value pairs, e.g. {@code "threshold", "20ms"}. */
    public static RuleSettings settings(String ruleId, String... keysAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put("rules." + ruleId + "." + keysAndValues[i], keysAndValues[i + 1]);
        }
        return new RuleSettings(Settings.fromStrings(values, "test"), ruleId);
    }

    public RuleWorkload run(ObservedStatementBuilder... statements) {
        for (ObservedStatementBuilder s : statements) {
            run(s.build());
        }
        return this;
    }

    public RuleWorkload run(int times, ObservedStatementBuilder statement) {
        for (int i = 0; i < times; i++) {
            run(statement.build());
        }
        return this;
    }

    /** Only the rule sees it: as when the statistics have evicted the fingerprint since. */
    public RuleWorkload runUnseenByStatistics(ObservedStatementBuilder statement) {
        rule.onEvent(statement.build());
        return this;
    }

    private void run(ObservedStatement statement) {
        statistics.onEvent(statement);
        rule.onEvent(statement);
    }

    public RuleContext context() {
        CaptureHealth health = new CaptureHealth(statistics.observed(), 0, statistics.size(), statistics.evicted(),
                0, 0, 0, 0, List.of(), Map.of());
        return new RuleContext(new WorkloadSnapshot(System.currentTimeMillis(), statistics.snapshot(), health),
                Map.of(UnitOfWorkScript.DATA_SOURCE, Dialect.POSTGRESQL));
    }

    public List<Recommendation> recommendations() {
        return rule.recommend(context());
    }

    /** The one finding there must be. */
    public Recommendation only() {
        List<Recommendation> found = recommendations();
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one recommendation, got " + found);
        }
        return found.get(0);
    }

    /** The finding about {@code fingerprintId}, which must be there. */
    public Recommendation about(String fingerprintId) {
        return recommendations().stream().filter(r -> fingerprintId.equals(r.fingerprintId())).findFirst()
                .orElseThrow(() -> new AssertionError("no recommendation about " + fingerprintId));
    }
}
