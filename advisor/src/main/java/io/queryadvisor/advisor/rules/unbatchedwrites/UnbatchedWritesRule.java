package io.queryadvisor.advisor.rules.unbatchedwrites;

import java.util.ArrayList;
import java.util.HashMap;
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
import io.queryadvisor.advisor.rules.support.UnitsOfWork;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * {@code unbatched-writes}: the same INSERT, UPDATE, DELETE or MERGE run row by row, one round trip
 * per row, where a JDBC batch would send many rows at once.
 *
 * <p>A write statement is flagged when, within one unit of work (a request, a transaction, a checkout,
 * or a series of checkouts on one thread: see {@link UnitsOfWork}), it ran at least {@code threshold}
 * times in a row, each a single execution of at most one row (see {@link UnbatchedWritesUnit} for
 * what ends a run). Not a real batch ({@code executeBatch}), nor a few rows, nor writes to several
 * tables interleaved, nor writes of many rows each.
 *
 * <p>The finding shows the units affected, the runs, the statements per unit (max and median), the
 * time they took (which grades the severity) and its share of all statement time, the round trips
 * batches of {@code batchSize} would have saved, the endpoints and the call sites. It suggests JDBC
 * batching, the driver switch of the database behind the data source, and Hibernate's settings (see
 * {@link UnbatchedWritesSuggestion}).
 *
 * <p>Settings, under {@code queryadvisor.rules.unbatched-writes.}:
 * <ul>
 *   <li>{@code threshold} (default 10): single-row executions of one write in a row, in one unit of work;</li>
 *   <li>{@code batchSize} (default 50): the batch size the suggestion and the round trips saved assume;</li>
 *   <li>{@code maxOpenUnits}, {@code maxStatementsPerUnit}, {@code maxUnitAge}, {@code threadGap}: the
 *       units of work, as for {@code n-plus-one} (see {@link UnitsOfWork.Limits#configured});</li>
 *   <li>{@code maxFingerprints} (default 1000): fingerprints whose findings are kept.</li>
 * </ul>
 */
public final class UnbatchedWritesRule implements Rule {

    public static final String ID = "unbatched-writes";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Unbatched writes",
            "Batch similar requests, reduce round trips", RuleDescriptor.Kind.QUERY,
            "The same INSERT/UPDATE/DELETE run row by row, one round trip each, many times in a row in one unit of"
                    + " work; suggests JDBC batches with the driver's batch switch (reWriteBatchedInserts,"
                    + " rewriteBatchedStatements) or hibernate.jdbc.batch_size.");

    private final int threshold;
    private final int batchSize;
    private final int maxStatementsPerUnit;
    private final UnitsOfWork<UnbatchedWritesUnit> units;
    private final BoundedFingerprintMap<UnbatchedWritesEvidence> found;
    private long runsNotKept;

    public UnbatchedWritesRule(RuleSettings settings) {
        this.threshold = settings.integer("threshold", 10, 2, 1_000_000);
        this.batchSize = settings.integer("batchSize", 50, 2, 100_000);
        UnitsOfWork.Limits limits = UnitsOfWork.Limits.configured(ID, settings);
        this.maxStatementsPerUnit = limits.maxStatementsPerUnit();
        if (maxStatementsPerUnit < threshold) {
            settings.reject(new ConfigurationException("queryadvisor.rules." + ID + ".maxStatementsPerUnit: must be"
                    + " at least the threshold (" + threshold + "), or no run could ever reach it; got "
                    + maxStatementsPerUnit));
        }
        this.units = new UnitsOfWork<>(limits, key -> new UnbatchedWritesUnit(threshold), this::judge);
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
        counters.put("runsNotKept", runsNotKept);
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

    /** Fingerprints with findings now. */
    int fingerprintsTracked() {
        return found.size();
    }

    private void judge(UnbatchedWritesUnit state, EndedUnit unit) {
        Map<String, List<WriteRun>> byFingerprint = new HashMap<>();
        for (WriteRun run : state.runs()) {
            byFingerprint.computeIfAbsent(run.fingerprint().id(), id -> new ArrayList<>()).add(run);
        }
        runsNotKept += state.runsNotKept();
        byFingerprint.values().forEach(runs -> {
            Fingerprint fp = runs.get(0).fingerprint();
            found.getOrCreate(fp.id(), () -> new UnbatchedWritesEvidence(fp, maxStatementsPerUnit))
                    .add(unit, runs, batchSize);
        });
    }

    private Recommendation recommendation(QueryStats stats, UnbatchedWritesEvidence ev, RuleContext context) {
        FingerprintFinding finding = FingerprintFinding.about(ID, stats)
                .callSites(ev.callSites().callSites())
                .title(title(ev))
                .evidence("unitsOfWork", ev.units().units())
                .evidence("unitOfWorkKind", ev.units().kinds())
                .evidence("runs", ev.runs())
                .evidence("maxStatementsInAUnit", ev.units().max())
                .evidence("medianStatementsInAUnit", ev.units().median())
                .evidence("statementsInRuns", ev.units().total())
                .evidence("runMillis", ev.millis())
                .evidence("shareOfStatementTimePercent", Impact.percent(context.shareOf(ev.millis())))
                .evidence("roundTripsSaved", ev.roundTripsSaved())
                .evidence("batchSize", (long) batchSize);
        if (!ev.units().endpoints().isEmpty()) {
            finding.evidence("endpoints", ev.units().endpoints().describe());
        }
        finding.evidence("callSites", ev.callSites().describe("not sampled in the runs"));
        return finding.impact(ev.millis(), ev.units().total())
                .suggestion(UnbatchedWritesSuggestion.of(ev, context.dialect(ev.dataSource()), batchSize))
                .build(context);
    }

    private static String title(UnbatchedWritesEvidence ev) {
        List<String> tables = ev.fingerprint().facts().tables();
        String what = switch (ev.fingerprint().type()) {
            case INSERT -> "INSERT" + (tables.isEmpty() ? "" : " into " + tables.get(0));
            case UPDATE -> "UPDATE" + (tables.isEmpty() ? "" : " of " + tables.get(0));
            case DELETE -> "DELETE" + (tables.isEmpty() ? "" : " from " + tables.get(0));
            default -> ev.fingerprint().type().name() + (tables.isEmpty() ? "" : " on " + tables.get(0));
        };
        return "Unbatched writes: " + what + " runs row by row, up to " + ev.units().max() + " statements per "
                + ev.units().perUnit() + " (in " + ev.units().unitsCounted() + ")";
    }
}
