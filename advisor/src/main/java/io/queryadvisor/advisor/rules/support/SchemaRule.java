package io.queryadvisor.advisor.rules.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.probe.SchemaFactsResult;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleSettings;

/**
 * A rule about the database's schema rather than its statements: it follows a
 * {@link SchemaCheckSchedule}, and turns each database's latest schema facts into findings when the
 * answer arrives ({@link #find}), so that {@link #recommend} only hands them out. A database's
 * findings are replaced by its next check's: a fixed problem disappears then, and a failed check
 * leaves the last ones standing. Consumer thread only.
 */
public abstract class SchemaRule implements Rule {

    private final SchemaCheckSchedule schedule;
    /** By database name, at most as many as the schedule follows. */
    private final Map<String, List<Recommendation>> byDatabase = new LinkedHashMap<>();

    protected SchemaRule(String ruleId, RuleSettings settings) {
        this.schedule = new SchemaCheckSchedule(ruleId, settings);
    }

    /** The rule's findings in one database's facts, as of {@code now} (for the age of statistics, of the last vacuum); pure. */
    protected abstract List<Recommendation> find(SchemaFactsResult facts, Instant now);

    @Override
    public final void onEvent(CaptureEvent event) {
        SchemaFactsResult facts = schedule.onEvent(event);
        if (facts != null) {
            byDatabase.put(facts.database().name(), List.copyOf(find(facts, Instant.now())));
        }
    }

    /** Every database's findings, as of its latest check. */
    @Override
    public final List<Recommendation> recommend(RuleContext context) {
        List<Recommendation> all = new ArrayList<>();
        byDatabase.values().forEach(all::addAll);
        return all;
    }
}
