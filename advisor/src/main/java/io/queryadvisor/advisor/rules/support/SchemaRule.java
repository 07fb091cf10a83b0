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

    /**
     * Findings kept per database: a schema with thousands of unused indexes needs its worst ones
     * shown, not all (the finders list the largest objects first); what is left out is counted.
     */
    static final int MAX_FINDINGS_PER_DATABASE = 200;

    private final SchemaCheckSchedule schedule;
    /** By database name, at most as many as the schedule follows. */
    private final Map<String, List<Recommendation>> byDatabase = new LinkedHashMap<>();
    private final Map<String, Long> leftOut = new LinkedHashMap<>();

    protected SchemaRule(String ruleId, RuleSettings settings) {
        this.schedule = new SchemaCheckSchedule(ruleId, settings);
    }

    /** The rule's findings in one database's facts, as of {@code now} (for the age of statistics, of the last vacuum); pure. */
    protected abstract List<Recommendation> find(SchemaFactsResult facts, Instant now);

    @Override
    public final void onEvent(CaptureEvent event) {
        SchemaFactsResult facts = schedule.onEvent(event);
        if (facts != null) {
            List<Recommendation> found = find(facts, Instant.now());
            String database = facts.database().name();
            byDatabase.put(database, List.copyOf(found.subList(0, Math.min(found.size(), MAX_FINDINGS_PER_DATABASE))));
            leftOut.put(database, (long) Math.max(0, found.size() - MAX_FINDINGS_PER_DATABASE));
        }
    }

    /** Every database's findings, as of its latest check. */
    @Override
    public final List<Recommendation> recommend(RuleContext context) {
        List<Recommendation> all = new ArrayList<>();
        byDatabase.values().forEach(all::addAll);
        return all;
    }

    /** {@code findingsLeftOut}: findings of the latest checks beyond {@value #MAX_FINDINGS_PER_DATABASE} per database. */
    @Override
    public Map<String, Long> counters() {
        long total = leftOut.values().stream().mapToLong(Long::longValue).sum();
        return total == 0 ? Map.of() : Map.of("findingsLeftOut", total);
    }
}
