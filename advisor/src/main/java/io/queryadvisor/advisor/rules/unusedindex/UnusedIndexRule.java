package io.queryadvisor.advisor.rules.unusedindex;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.queryadvisor.advisor.probe.SchemaFactsResult;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.support.SchemaCheckSchedule;
import io.queryadvisor.advisor.rules.support.SchemaRule;

/**
 * Indexes that (almost) nothing reads and every write still pays for, from PostgreSQL's usage
 * counters, read by the probe on a slow schedule ({@link SchemaCheckSchedule}). Unique indexes and
 * indexes behind a constraint are never findings: they enforce something even when never read.
 *
 * <p>Settings: {@code maxScans} (default 0: an index scanned more often than this since the
 * statistics were reset is used), {@code minStatsAge} (default 168h: counters younger than that
 * prove nothing, no finding), {@code checkEvery}, {@code firstCheckAfter}.
 */
public final class UnusedIndexRule extends SchemaRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("unused-index", "Unused indexes",
            "Create efficient database indexes", RuleDescriptor.Kind.SCHEMA,
            "Indexes (PostgreSQL) with no scans since the statistics were reset, neither unique nor behind a"
                    + " constraint: their size and the writes that pay for them; suggests DROP INDEX CONCURRENTLY,"
                    + " with what to check first (replicas, rare jobs).");

    private final UnusedIndexes finder;

    public UnusedIndexRule(RuleSettings settings) {
        super(DESCRIPTOR.id(), settings);
        this.finder = new UnusedIndexes(settings.integer("maxScans", 0, 0, 1_000_000),
                settings.duration("minStatsAge", Duration.ofHours(168)));
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected List<Recommendation> find(SchemaFactsResult facts, Instant now) {
        return finder.find(facts, now);
    }
}
