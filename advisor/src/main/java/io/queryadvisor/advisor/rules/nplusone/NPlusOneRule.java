package io.queryadvisor.advisor.rules.nplusone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.support.BoundedFingerprintMap;
import io.queryadvisor.advisor.rules.support.EndedUnit;
import io.queryadvisor.advisor.rules.support.FingerprintFinding;
import io.queryadvisor.advisor.rules.support.Impact;
import io.queryadvisor.advisor.rules.support.UnitStateBudget;
import io.queryadvisor.advisor.rules.support.UnitsOfWork;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * {@code n-plus-one}: one query run again and again inside one unit of work, once per row of a query
 * before it, where one query would do: what an ORM's lazy loading produces, seen at the JDBC level
 * so whatever the ORM (or none).
 *
 * <p>A fingerprint is flagged when, within one unit of work (a request, else a transaction, else a
 * connection checkout, or a series of checkouts that follow one another on one thread: see
 * {@link UnitsOfWork}), it ran at least {@code threshold} times from the
 * same call site, and not every time with the same values (binds, or the literals of statements that
 * inline them). It is not an N+1 when the same values repeat every time (that is the same query
 * repeated, another rule's concern), when the repeats are a JDBC batch, when they are spread over
 * several units of work, or when the statement is not a SELECT (writes in a loop are another rule's).
 * Loops of one fingerprint from two call sites are counted apart ({@link NPlusOneUnit}).
 *
 * <p>A unit is judged when it ends, and also, so that one that never ends is judged too, when it has
 * run {@code maxStatementsPerUnit} statements or is older than {@code maxUnitAge} (then a new unit
 * begins for its next statements); the advisor's {@code Tick} judges every unit older than that.
 *
 * <p>The finding shows the units of work affected, the repetitions per unit, the time spent in the
 * loops and its share of all statement time (which grades the severity), the query the loops
 * followed (their source) and the rows read from it, the endpoints and the loops' call sites. It
 * suggests one query instead of the loop (see {@link NPlusOneSuggestion}).
 *
 * <p>Settings, under {@code queryadvisor.rules.n-plus-one.}:
 * <ul>
 *   <li>{@code threshold} (default 5): executions in one unit of work that make a loop an N+1;</li>
 *   <li>{@code maxOpenUnits} (default 10000): units of work followed at once; past it the least
 *       recently active is judged as it stands, ended, and counted;</li>
 *   <li>{@code maxStatementsPerUnit} (default 1000) and {@code maxUnitAge} (default {@code 60s}): when
 *       a unit that has not ended is judged anyway;</li>
 *   <li>{@code threadGap} (default {@code 50ms}, {@code 0} for none): outside any request or
 *       transaction, checkouts on one thread with pauses no longer than this between them are one
 *       unit of work: the loop of a DAO or {@code JdbcTemplate} that checks out a connection per row;</li>
 *   <li>{@code maxFingerprintsPerUnit} (default 64) and {@code maxTrackedLoops} (default 100000, over
 *       all open units): loops followed; executions beyond are left out, and counted;</li>
 *   <li>{@code maxFingerprints} (default 1000): fingerprints whose findings are kept; the least
 *       recently found are dropped past it, and counted.</li>
 * </ul>
 */
public final class NPlusOneRule implements Rule {

    public static final String ID = "n-plus-one";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "N+1 queries",
            "Avoid N+1 query loops", RuleDescriptor.Kind.QUERY,
            "The same query run again and again with different values inside one unit of work (a request, a"
                    + " transaction, a connection checkout, or checkouts that follow one another on one thread), once"
                    + " per row of a query before it; suggests one JOIN or one query for all keys, or JOIN FETCH /"
                    + " @EntityGraph with JPA.");

    private final int threshold;
    private final int maxStatementsPerUnit;
    private final UnitStateBudget budget;
    private final UnitsOfWork<NPlusOneUnit> units;
    private final BoundedFingerprintMap<NPlusOneEvidence> found;

    public NPlusOneRule(RuleSettings settings) {
        this.threshold = settings.integer("threshold", 5, 2, 1_000_000);
        UnitsOfWork.Limits limits = UnitsOfWork.Limits.configured(ID, settings);
        this.maxStatementsPerUnit = limits.maxStatementsPerUnit();
        if (maxStatementsPerUnit < threshold) {
            settings.reject(new ConfigurationException("queryadvisor.rules." + ID + ".maxStatementsPerUnit: must be"
                    + " at least the threshold (" + threshold + "), or no loop could ever reach it; got "
                    + maxStatementsPerUnit));
        }
        int maxFingerprintsPerUnit = settings.integer("maxFingerprintsPerUnit", 64, 1, 100_000);
        this.budget = new UnitStateBudget(settings.integer("maxTrackedLoops", 100_000, 1, 10_000_000));
        this.units = new UnitsOfWork<>(limits, key -> new NPlusOneUnit(maxFingerprintsPerUnit, budget),
                this::judge);
        this.found = BoundedFingerprintMap.configured(ID, settings);
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void onEvent(CaptureEvent event) {
        // a Tick judges the units older than maxUnitAge, and the series whose thread paused longer than threadGap
        units.onEvent(event);
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("unitsEvicted", unitsEvicted());
        counters.put("unitsEndedEarly", unitsEndedEarly());
        counters.put("executionsNotGrouped", executionsNotGrouped());
        counters.put("fingerprintsDropped", fingerprintsDropped());
        return counters;
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        return found.findings(context, (stats, state) -> recommendation(stats, state, context));
    }

    /** Units of work followed now. */
    public int openUnits() {
        return units.openUnits();
    }

    /** Units of work ended early to make room for new ones. */
    public long unitsEvicted() {
        return units.evicted();
    }

    /** Units of work judged before they ended because they grew larger or older than the limits. */
    public long unitsEndedEarly() {
        return units.endedEarly();
    }

    /** Executions left out of every loop because a unit held too many fingerprints or loops. */
    public long executionsNotGrouped() {
        return budget.leftOutCount();
    }

    /** Fingerprints whose findings were dropped to stay bounded. */
    public long fingerprintsDropped() {
        return found.dropped();
    }

    /** Loops held by open units now. */
    int loopsTracked() {
        return budget.used();
    }

    /** Fingerprints with findings now. */
    int fingerprintsTracked() {
        return found.size();
    }

    /** Adds the N+1 loops of a unit that ended to the findings of their fingerprints. */
    private void judge(NPlusOneUnit state, EndedUnit unit) {
        try {
            for (List<NPlusOneLoop> loops : state.loopsByFingerprint()) {
                List<NPlusOneLoop> nPlusOne = loops.stream()
                        .filter(loop -> loop.repeatsWithDifferentValues(threshold)).toList();
                if (!nPlusOne.isEmpty()) {
                    Fingerprint fp = nPlusOne.get(0).fingerprint();
                    found.getOrCreate(fp.id(), () -> new NPlusOneEvidence(fp, maxStatementsPerUnit))
                            .add(unit, nPlusOne);
                }
            }
        } finally {
            state.release();
        }
    }

    private Recommendation recommendation(QueryStats stats, NPlusOneEvidence ev, RuleContext context) {
        FingerprintFinding finding = FingerprintFinding.about(ID, stats)
                .callSites(ev.callSites().callSites())
                .title(title(ev))
                .evidence("unitsOfWork", ev.units().units())
                .evidence("unitOfWorkKind", ev.units().kinds())
                .evidence("loops", ev.loops())
                .evidence("maxRepetitions", ev.units().max())
                .evidence("medianRepetitions", ev.units().median())
                .evidence("executionsInLoops", ev.executions())
                .evidence("loopMillis", ev.millis())
                .evidence("shareOfStatementTimePercent", Impact.percent(context.shareOf(ev.millis())));
        NPlusOneEvidence.Source source = ev.source();
        finding.evidence("sourceQuery", source == null ? "none seen" : source.query().text());
        if (source != null && source.meanRowsRead() >= 0) {
            finding.evidence("sourceRowsRead", source.meanRowsRead());
        }
        if (!ev.units().endpoints().isEmpty()) {
            finding.evidence("endpoints", ev.units().endpoints().describe());
        }
        finding.evidence("callSites", ev.callSites().describe("not sampled in the loops"));
        return finding.impact(ev.millis(), ev.executions())
                .suggestion(NPlusOneSuggestion.of(ev, context.dialect(ev.dataSource())))
                .build(context);
    }

    private static String title(NPlusOneEvidence ev) {
        List<String> tables = ev.fingerprint().facts().tables();
        String what = tables.isEmpty() ? "one query" : "a query on " + tables.get(0);
        NPlusOneEvidence.Source source = ev.source();
        List<String> sourceTables = source == null ? List.of() : source.query().facts().tables();
        String over = sourceTables.isEmpty() ? "" : " over the rows of " + sourceTables.get(0);
        return "N+1: " + what + " runs in a loop" + over + ", up to " + ev.units().max() + " times per "
                + ev.units().perUnit() + " (in " + ev.units().unitsCounted() + ")";
    }
}
