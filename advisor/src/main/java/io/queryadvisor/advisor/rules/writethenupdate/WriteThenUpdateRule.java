package io.queryadvisor.advisor.rules.writethenupdate;

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
import io.queryadvisor.advisor.rules.support.UnitsOfWork;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * {@code write-then-update}: rows inserted, then each updated at once to set one foreign key, two
 * round trips where the INSERT could write the key: what a unidirectional JPA {@code @OneToMany}
 * with {@code @JoinColumn} does for every child row.
 *
 * <p>An UPDATE shape is flagged once it has, in all, set the key of {@code minPairs} rows inserted
 * just before into its table, within one unit of work (a request, a transaction, a checkout, or a
 * series of checkouts on one thread: see {@link UnitsOfWork}): it sets exactly one key-like column
 * by exactly one other column ({@code UPDATE order_lines SET order_id = ? WHERE id = ?}, read from the
 * fingerprint's {@code setColumns} and {@code whereEqualsColumns}), and comes at most
 * {@code maxDistance} statements after the INSERT (see {@link InsertThenUpdateUnit}). Not an UPDATE
 * of another table, of several columns, of a column that is no key, nor one long after.
 *
 * <p>The finding shows the pairs seen, the units affected and the pairs per unit, the two statements,
 * the table and the key column, the time the UPDATEs took (which grades the severity), the endpoints
 * and the call sites of both; it suggests mapping the association so that the INSERT writes the key
 * (see {@link WriteThenUpdateSuggestion}).
 *
 * <p>Settings, under {@code queryadvisor.rules.write-then-update.}:
 * <ul>
 *   <li>{@code minPairs} (default 3): rows inserted then updated, in all, before the finding shows;</li>
 *   <li>{@code maxDistance} (default 10): statements at most between an INSERT (or the previous such
 *       UPDATE) and the UPDATE that sets the key;</li>
 *   <li>{@code maxOpenUnits}, {@code maxStatementsPerUnit}, {@code maxUnitAge}, {@code threadGap}: the
 *       units of work, as for {@code n-plus-one} (see {@link UnitsOfWork.Limits#configured});</li>
 *   <li>{@code maxFingerprints} (default 1000): UPDATE shapes whose findings are kept.</li>
 * </ul>
 */
public final class WriteThenUpdateRule implements Rule {

    public static final String ID = "write-then-update";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Insert then update", "Reduce round trips",
            RuleDescriptor.Kind.QUERY,
            "A row inserted, then updated at once to set one foreign key (UPDATE t SET fk = ? WHERE id = ?): a"
                    + " unidirectional JPA @OneToMany with @JoinColumn; suggests mapping it from the child's side"
                    + " (@ManyToOne, mappedBy) so the INSERT writes the key.");

    private final int minPairs;
    private final int maxStatementsPerUnit;
    private final UnitsOfWork<InsertThenUpdateUnit> units;
    private final BoundedFingerprintMap<WriteThenUpdateEvidence> found;
    private long leftOut;

    public WriteThenUpdateRule(RuleSettings settings) {
        this.minPairs = settings.integer("minPairs", 3, 1, 1_000_000);
        int maxDistance = settings.integer("maxDistance", 10, 1, 10_000);
        UnitsOfWork.Limits limits = UnitsOfWork.Limits.configured(ID, settings);
        this.maxStatementsPerUnit = limits.maxStatementsPerUnit();
        this.units = new UnitsOfWork<>(limits, key -> new InsertThenUpdateUnit(maxDistance), this::judge);
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
        counters.put("tablesOrUpdatesNotFollowed", leftOut);
        counters.put("fingerprintsDropped", found.dropped());
        return counters;
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        return found.findings(context, (stats, ev) -> ev.units().total() >= minPairs
                ? recommendation(stats, ev, context) : null);
    }

    /** Fingerprints with findings (or pairs below {@code minPairs}) now. */
    int fingerprintsTracked() {
        return found.size();
    }

    private void judge(InsertThenUpdateUnit state, EndedUnit unit) {
        leftOut += state.leftOut();
        for (KeyUpdates updates : state.keyUpdates()) {
            found.getOrCreate(updates.update().id(), () -> new WriteThenUpdateEvidence(updates, maxStatementsPerUnit))
                    .add(unit, updates);
        }
    }

    private Recommendation recommendation(QueryStats stats, WriteThenUpdateEvidence ev, RuleContext context) {
        String table = ev.update().facts().tables().get(0);
        String keyColumn = ev.update().facts().setColumns().get(0);
        FingerprintFinding finding = FingerprintFinding.about(ID, stats)
                .callSites(ev.updateSites().callSites())
                .title("Insert then update: each row inserted into " + table + " is updated at once to set "
                        + keyColumn + " (" + ev.units().total() + " rows in " + ev.units().unitsCounted() + ")")
                .evidence("pairs", ev.units().total())
                .evidence("unitsOfWork", ev.units().units())
                .evidence("unitOfWorkKind", ev.units().kinds())
                .evidence("maxPairsInAUnit", ev.units().max())
                .evidence("table", table)
                .evidence("foreignKeyColumn", keyColumn)
                .evidence("insertStatement", ev.insert().text())
                .evidence("updateStatement", ev.update().text())
                .evidence("updateMillis", ev.updateMillis())
                .evidence("shareOfStatementTimePercent", Impact.percent(context.shareOf(ev.updateMillis())));
        if (!ev.units().endpoints().isEmpty()) {
            finding.evidence("endpoints", ev.units().endpoints().describe());
        }
        finding.evidence("insertCallSites", ev.insertSites().describe("not sampled"))
                .evidence("updateCallSites", ev.updateSites().describe("not sampled"));
        return finding.impact(ev.updateMillis(), ev.units().total())
                .suggestion(WriteThenUpdateSuggestion.of(ev, table, keyColumn))
                .build(context);
    }
}
