package io.queryadvisor.advisor.rules.repeatedquery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.support.BoundedFingerprintMap;
import io.queryadvisor.advisor.rules.support.EndedUnit;
import io.queryadvisor.advisor.rules.support.FingerprintFinding;
import io.queryadvisor.advisor.rules.support.Impact;
import io.queryadvisor.advisor.rules.support.UnitOfWorkKey;
import io.queryadvisor.advisor.rules.support.UnitStateBudget;
import io.queryadvisor.advisor.rules.support.UnitsOfWork;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * {@code repeated-identical-query}: the same query with the same values read again and again inside
 * one unit of work, where the first result could have been kept: a reference lookup without
 * parameters run at every fragment of a page, the same entity loaded by id two or three times in a
 * request.
 *
 * <p>A fingerprint is flagged when, within one unit of work (a request, a transaction, a checkout,
 * or a series of checkouts on one thread: see {@link UnitsOfWork}), it ran {@code threshold} times
 * in a row with the same values (equal binds, or the same text without binds) and no write by that
 * unit to a table it reads in between: what a cache emptied at each such write would have served
 * {@code threshold - 1} times. Not when any of its executions in the unit had other values: that
 * is a loop over values, the {@code n-plus-one} rule's concern, so one loop is never both; nor a
 * JDBC batch, a failed execution, or a write.
 *
 * <p>The finding shows the units affected, the executions per unit (max and median), the executions
 * a cache would have saved and their share (the hit ratio), the time they took (which grades the
 * severity), whether the unit wrote to the tables read between two reads, the endpoints and the call
 * sites; it suggests keeping the result (see {@link RepeatedQuerySuggestion}).
 *
 * <p>One row looked up by its id ({@code WHERE id = ?} and nothing else) twice in one request is
 * flagged already ({@code keyLookupThreshold}): the same entity loaded by the controller and again
 * by a service, each in a transaction of its own, so that no persistence context holds it for the
 * second. Within a request such a read has nothing left to vary (same row, same values, no write
 * between) and the caller holds the object already. Outside a request the general threshold
 * stands: a transaction, a checkout or a series of them may be a job that re-reads a row on
 * purpose (after a lock, around a call that may change it), and JPA's persistence context makes a
 * second {@code findById} in one transaction free already.
 *
 * <p>Settings, under {@code queryadvisor.rules.repeated-identical-query.}:
 * <ul>
 *   <li>{@code threshold} (default 3): executions with the same values, with no write between, in one
 *       unit of work;</li>
 *   <li>{@code keyLookupThreshold} (default 2): the same, for a lookup by id within one request (the
 *       lower of the two applies);</li>
 *   <li>{@code maxOpenUnits}, {@code maxStatementsPerUnit}, {@code maxUnitAge}, {@code threadGap}: the
 *       units of work, as for {@code n-plus-one} (see {@link UnitsOfWork.Limits#configured});</li>
 *   <li>{@code maxFingerprintsPerUnit} (default 64) and {@code maxTrackedQueries} (default 100000, over
 *       all open units): queries followed; executions beyond are left out, and counted;</li>
 *   <li>{@code maxFingerprints} (default 1000): fingerprints whose findings are kept.</li>
 * </ul>
 */
public final class RepeatedQueryRule implements Rule {

    public static final String ID = "repeated-identical-query";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Repeated identical queries",
            "Cache repeated reads", RuleDescriptor.Kind.QUERY,
            "The same query with the same values read again and again in one unit of work, with no write to its"
                    + " tables in between; shows the executions a cache would have saved and suggests request-scoped"
                    + " memoisation, the JPA persistence context or a cache with an expiry.");

    private final int threshold;
    private final int keyLookupThreshold;
    private final int maxStatementsPerUnit;
    private final UnitStateBudget budget;
    private final UnitsOfWork<RepeatedQueryUnit> units;
    private final BoundedFingerprintMap<RepeatedQueryEvidence> found;

    public RepeatedQueryRule(RuleSettings settings) {
        this.threshold = settings.integer("threshold", 3, 2, 1_000_000);
        this.keyLookupThreshold = Math.min(threshold, settings.integer("keyLookupThreshold", 2, 2, 1_000_000));
        UnitsOfWork.Limits limits = UnitsOfWork.Limits.configured(ID, settings);
        this.maxStatementsPerUnit = limits.maxStatementsPerUnit();
        int maxFingerprintsPerUnit = settings.integer("maxFingerprintsPerUnit", 64, 1, 100_000);
        this.budget = new UnitStateBudget(settings.integer("maxTrackedQueries", 100_000, 1, 10_000_000));
        this.units = new UnitsOfWork<>(limits, key -> new RepeatedQueryUnit(maxFingerprintsPerUnit, budget),
                this::judge);
        this.found = BoundedFingerprintMap.configured(ID, settings);
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void onEvent(CaptureEvent event) {
        units.onEvent(event);
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        units.addCounters(counters);
        counters.put("executionsNotTracked", budget.leftOutCount());
        counters.put("fingerprintsDropped", found.dropped());
        return counters;
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        return found.findings(context, (stats, state) -> recommendation(stats, state, context));
    }

    /** Units of work followed now. */
    int openUnits() {
        return units.openUnits();
    }

    /** Queries followed by open units now. */
    int queriesTracked() {
        return budget.used();
    }

    /** Fingerprints with findings now. */
    int fingerprintsTracked() {
        return found.size();
    }

    private void judge(RepeatedQueryUnit state, EndedUnit unit) {
        try {
            for (RepeatedReads reads : state.reads()) {
                if (reads.repeats(thresholdFor(reads, unit))) {
                    found.getOrCreate(reads.fingerprint().id(),
                            () -> new RepeatedQueryEvidence(reads.fingerprint(), maxStatementsPerUnit))
                            .add(unit, reads);
                }
            }
        } finally {
            state.release();
        }
    }

    private int thresholdFor(RepeatedReads reads, EndedUnit unit) {
        boolean inRequest = unit.key().scope() == UnitOfWorkKey.Scope.REQUEST;
        return inRequest && reads.fingerprint().facts().looksUpById() ? keyLookupThreshold : threshold;
    }

    private Recommendation recommendation(QueryStats stats, RepeatedQueryEvidence ev, RuleContext context) {
        long executions = ev.units().total();
        FingerprintFinding finding = FingerprintFinding.about(ID, stats)
                .callSites(ev.callSites().callSites())
                .title(title(ev))
                .evidence("unitsOfWork", ev.units().units())
                .evidence("unitOfWorkKind", ev.units().kinds())
                .evidence("maxRepetitions", ev.units().max())
                .evidence("medianRepetitions", ev.units().median())
                .evidence("executions", executions)
                .evidence("executionsACacheWouldSave", ev.hits())
                .evidence("cacheHitRatioPercent", Impact.percent((double) ev.hits() / executions))
                .evidence("savableMillis", ev.hitMillis())
                .evidence("tablesWrittenBetween", ev.unitsWrittenBetween() == 0 ? "no"
                        : "in " + ev.unitsWrittenBetween() + " of " + ev.units().units() + " units of work");
        if (!ev.units().endpoints().isEmpty()) {
            finding.evidence("endpoints", ev.units().endpoints().describe());
        }
        finding.evidence("callSites", ev.callSites().describe("not sampled in the repeats"));
        return finding.impact(ev.hitMillis(), ev.hits())
                .suggestion(RepeatedQuerySuggestion.of(ev))
                .build(context);
    }

    private static String title(RepeatedQueryEvidence ev) {
        List<String> tables = ev.fingerprint().facts().tables();
        String what = tables.isEmpty() ? "one query" : "a query on " + tables.get(0);
        return "Repeated query: " + what + " runs with the same values up to " + ev.units().max() + " times per "
                + ev.units().perUnit() + " (in " + ev.units().unitsCounted() + ")";
    }
}
