package io.queryadvisor.advisor.rules.duplicateindex;

import java.time.Instant;
import java.util.List;

import io.queryadvisor.advisor.probe.SchemaFactsResult;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.support.SchemaCheckSchedule;
import io.queryadvisor.advisor.rules.support.SchemaRule;

/**
 * Indexes that another index of the same table makes useless: identical copies (an application
 * that runs an unnamed {@code CREATE INDEX} at every start piles them up: one finding lists them
 * all), and indexes whose key columns lead a wider one's. From the probe's schema facts
 * (PostgreSQL) on a slow schedule ({@link SchemaCheckSchedule}).
 *
 * <p>Settings: {@code checkEvery}, {@code firstCheckAfter}.
 */
public final class DuplicateIndexRule extends SchemaRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("duplicate-index", "Duplicate indexes",
            "Create efficient database indexes", RuleDescriptor.Kind.SCHEMA,
            "Indexes (PostgreSQL) identical to another of the same table (all copies in one finding), or whose"
                    + " columns lead a wider index's; suggests which to drop and which serves in their place.");


    public DuplicateIndexRule(RuleSettings settings) {
        super(DESCRIPTOR.id(), settings);
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected List<Recommendation> find(SchemaFactsResult facts, Instant now) {
        return DuplicateIndexes.find(facts);
    }
}
