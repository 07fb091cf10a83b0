package io.queryadvisor.advisor.rules.tablemaintenance;

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
 * Tables whose dead rows pile up, or whose vacuum or analyze is long overdue for the writes they
 * took, from PostgreSQL's {@code pg_stat_user_tables} read by the probe on a slow schedule
 * ({@link SchemaCheckSchedule}).
 *
 * <p>Settings: {@code minRows} (default 10000: smaller tables cost too little to matter),
 * {@code deadShare} (default 0.2: the share of dead rows that makes a finding), {@code overdueFactor}
 * (default 2: dead or changed rows this many times autovacuum's own threshold), {@code overdueAfter}
 * (default 1h: ...with no vacuum, or analyze, for this long), {@code checkEvery},
 * {@code firstCheckAfter}.
 */
public final class TableMaintenanceRule extends SchemaRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("table-maintenance", "Table maintenance",
            "Regularly clean up, vacuum and optimise", RuleDescriptor.Kind.SCHEMA,
            "Tables (PostgreSQL) with a large share of dead rows, or whose vacuum or analyze is long overdue for"
                    + " the writes they took (autovacuum off, or its thresholds too high for the table); suggests"
                    + " VACUUM (ANALYZE) and the autovacuum setting to change for that table.");

    private final TableMaintenance finder;

    public TableMaintenanceRule(RuleSettings settings) {
        super(DESCRIPTOR.id(), settings);
        this.finder = new TableMaintenance(settings.integer("minRows", 10_000, 0, Integer.MAX_VALUE),
                settings.decimal("deadShare", 0.2, 0.01, 1.0),
                settings.decimal("overdueFactor", 2.0, 1.0, 1_000.0),
                settings.duration("overdueAfter", Duration.ofHours(1)));
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
