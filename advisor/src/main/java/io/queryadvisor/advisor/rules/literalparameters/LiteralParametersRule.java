package io.queryadvisor.advisor.rules.literalparameters;

import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.support.BoundedFingerprintMap;
import io.queryadvisor.advisor.rules.support.FingerprintFinding;
import io.queryadvisor.advisor.rules.support.Impact;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * {@code literal-parameters}: one statement sent as many different texts because its values are
 * written into the SQL (concatenated) instead of bound: each text is parsed, planned and cached on
 * its own, and a value that comes from a user can change what the statement does.
 *
 * <p>A fingerprint is flagged once its executions without binds, whose fingerprint replaced
 * literals ({@code facts().literals() > 0}), came as at least {@code threshold} distinct texts.
 * Not a statement whose literal never varies (a status constant: one text), nor one that binds its
 * values (an IN list of binds varies in length, not in values), nor DDL (which keeps its literals).
 * Texts are counted by a 64-bit hash, up to {@code maxTextsCounted} per fingerprint, never kept: the
 * finding shows the fingerprint, whose values are masked, never a text with its values.
 *
 * <p>The finding shows the distinct texts, the executions with values in the text and their share
 * of the fingerprint's executions, the literals per statement, their time (which grades the
 * severity) and the call sites; it suggests the statement with binds (see
 * {@link LiteralParametersSuggestion}).
 *
 * <p>Settings, under {@code queryadvisor.rules.literal-parameters.}:
 * <ul>
 *   <li>{@code threshold} (default 20): distinct texts of one fingerprint;</li>
 *   <li>{@code maxTextsCounted} (default 256): distinct texts counted per fingerprint, at most;</li>
 *   <li>{@code maxFingerprints} (default 1000): fingerprints whose texts are counted.</li>
 * </ul>
 */
public final class LiteralParametersRule implements Rule {

    public static final String ID = "literal-parameters";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Literals instead of binds",
            "Use prepared statements", RuleDescriptor.Kind.QUERY,
            "One statement sent as many different texts because its values are written into the SQL: parsed and"
                    + " planned every time, crowding the plan cache, open to SQL injection; suggests the statement"
                    + " with ? binds.");

    private final int threshold;
    private final int maxTextsCounted;
    private final BoundedFingerprintMap<LiteralTexts> tracked;

    public LiteralParametersRule(RuleSettings settings) {
        this.threshold = settings.integer("threshold", 20, 2, 100_000);
        this.maxTextsCounted = settings.integer("maxTextsCounted", 256, 2, 100_000);
        if (maxTextsCounted < threshold) {
            settings.reject(new ConfigurationException("queryadvisor.rules." + ID + ".maxTextsCounted: must be at"
                    + " least the threshold (" + threshold + "), or no statement could ever reach it; got "
                    + maxTextsCounted));
        }
        this.tracked = BoundedFingerprintMap.configured(ID, settings);
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void onEvent(CaptureEvent event) {
        if (event instanceof ObservedStatement statement) {
            StatementExecuted e = statement.event();
            Fingerprint fp = statement.fingerprint();
            if (e.bindCount() == 0 && fp.facts().literals() > 0 && fp.type() != StatementType.DDL && e.sql() != null) {
                tracked.getOrCreate(fp.id(), () -> new LiteralTexts(fp, maxTextsCounted)).record(e);
            }
        }
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of("fingerprintsDropped", tracked.dropped());
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        return tracked.findings(context, (stats, literal) -> literal.texts().count() >= threshold
                ? recommendation(stats, literal, context) : null);
    }

    /** Fingerprints whose texts are counted now. */
    int fingerprintsTracked() {
        return tracked.size();
    }

    private Recommendation recommendation(QueryStats stats, LiteralTexts literal, RuleContext context) {
        int texts = literal.texts().count();
        FingerprintFinding finding = FingerprintFinding.about(ID, stats)
                .callSites(literal.callSites().callSites())
                .title(title(literal, texts))
                .evidence("distinctTexts", (long) texts);
        if (literal.texts().full()) {
            finding.evidence("distinctTextsCountedUpTo", (long) maxTextsCounted);
        }
        return finding.evidence("executionsWithValuesInText", literal.executions())
                .evidence("shareOfExecutionsPercent",
                        Impact.percent(stats.count() == 0 ? 0 : (double) literal.executions() / stats.count()))
                .evidence("literalsPerStatement", (long) literal.fingerprint().facts().literals())
                .evidence("textMillis", literal.millis())
                .evidence("callSites", literal.callSites().describe("not sampled"))
                .impact(literal.millis(), literal.executions())
                .suggestion(LiteralParametersSuggestion.of(literal, context.dialect(literal.dataSource())))
                .build(context);
    }

    private static String title(LiteralTexts literal, int texts) {
        List<String> tables = literal.fingerprint().facts().tables();
        String what = tables.isEmpty() ? "one statement" : "a statement on " + tables.get(0);
        return "Literals instead of binds: " + what + " was sent as " + texts + (literal.texts().full() ? "+" : "")
                + " different texts, its values written into the SQL";
    }
}
