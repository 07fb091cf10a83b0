package io.queryadvisor.advisor.rules.selectstar;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.SqlFacts;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.BoundedFingerprintMap;
import io.queryadvisor.advisor.rules.support.FingerprintFinding;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * {@code select-star}: statements that select {@code *} or {@code t.*}, anywhere (subqueries and CTEs
 * included), and the columns the application actually read from their results.
 *
 * <p>Which statements have a star comes from the fingerprint's {@link SqlFacts}, read from the parse
 * tree ({@code COUNT(*)} is no star there). Whether a star inside {@code EXISTS (SELECT * ...)}
 * counts is the fingerprinter's call: the facts do not say where a star is, so a statement whose
 * only star is there is flagged if the facts report it, and the suggestion then says that such a
 * star costs nothing. Stars that feed a write ({@code INSERT INTO archive SELECT * FROM orders},
 * {@code CREATE TABLE ... AS SELECT *}) copy whole rows on purpose and are not flagged.
 *
 * <p>What no other tool tells: the union, over all executions, of the result-set columns the code
 * read, by name and by index, so the suggestion can name the exact column list, and rewrites the
 * statement with it where that is safe (see {@link SelectStarRewriter}).
 *
 * <p>The impact is the statement's whole time: an upper bound of what narrowing it saves, which
 * grows with the columns left unread and the rows fetched.
 *
 * <p>Settings, under {@code queryadvisor.rules.select-star.}:
 * <ul>
 *   <li>{@code maxFingerprints} (default 1000): fingerprints with a star whose columns are tracked;
 *       the least recently seen are dropped past it, and counted.</li>
 * </ul>
 */
public final class SelectStarRule implements Rule {

    public static final String ID = "select-star";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "SELECT *",
            "Avoid SELECT *: fetch only the columns you need", RuleDescriptor.Kind.QUERY,
            "SELECT * and t.* anywhere in a statement; names the columns the code actually read from the"
                    + " result and rewrites the statement with them.");

    private static final Set<StatementType> WRITES = EnumSet.of(StatementType.INSERT, StatementType.UPDATE,
            StatementType.DELETE, StatementType.MERGE, StatementType.DDL);
    private static final int COLUMNS_IN_TITLE = 4;

    private final BoundedFingerprintMap<StarUse> tracked;

    public SelectStarRule(RuleSettings settings) {
        this.tracked = BoundedFingerprintMap.configured(ID, settings);
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void onEvent(CaptureEvent event) {
        if (event instanceof ObservedStatement statement) {
            onStatement(statement);
        }
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of("fingerprintsDropped", fingerprintsDropped());
    }

    private void onStatement(ObservedStatement statement) {
        Fingerprint fp = statement.fingerprint();
        if (!fp.facts().selectStar() || WRITES.contains(fp.type())) {
            return;
        }
        tracked.getOrCreate(fp.id(), () -> new StarUse(fp)).columns.record(statement.event());
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        return tracked.findings(context, (stats, state) -> recommendation(stats, state, context));
    }

    /** Fingerprints whose column state was dropped to stay bounded. */
    public long fingerprintsDropped() {
        return tracked.dropped();
    }

    /** Fingerprints whose columns are tracked now. */
    int fingerprintsTracked() {
        return tracked.size();
    }

    private Recommendation recommendation(QueryStats stats, StarUse use, RuleContext context) {
        List<String> labels = use.columns.labels();
        FingerprintFinding finding = FingerprintFinding.about(ID, stats)
                .title(title(use, labels))
                .evidence("executions", stats.count())
                .evidence("rowsRead", stats.rows())
                .evidence("totalMillis", stats.totalMillis())
                .evidence("starTargets", String.join(", ", use.fingerprint.facts().starTargets()))
                .evidence("columnsRead", labels.isEmpty() ? "none" : String.join(", ", labels));
        if (use.columns.namesNotKept() > 0) {
            finding.evidence("columnReadsNotListed", use.columns.namesNotKept());
        }
        return finding.suggestion(use.suggestion()).build(context);
    }

    private static String title(StarUse use, List<String> labels) {
        List<String> tables = use.fingerprint.facts().tables();
        String on = tables.isEmpty() ? "" : " on " + String.join(", ", tables.subList(0, Math.min(2, tables.size())))
                + (tables.size() > 2 ? ", ..." : "");
        if (use.columns.none()) {
            return "SELECT *" + on + ": the code reads no column of the result";
        }
        String shown = String.join(", ", labels.subList(0, Math.min(COLUMNS_IN_TITLE, labels.size())))
                + (labels.size() > COLUMNS_IN_TITLE ? ", ..." : "");
        return "SELECT *" + on + ": the code reads only " + labels.size()
                + (labels.size() == 1 ? " column (" : " columns (") + shown + ")";
    }

    /** One starred fingerprint: the columns read, and the suggestion made for them last time. */
    private static final class StarUse {
        final Fingerprint fingerprint;
        final ColumnsRead columns = new ColumnsRead();
        private List<String> suggestedFor;
        private Suggestion suggestion;

        StarUse(Fingerprint fingerprint) {
            this.fingerprint = fingerprint;
        }

        /** Parsing costs, and findings are asked for often: rewrite again only when the columns changed. */
        Suggestion suggestion() {
            List<String> labels = columns.labels();
            if (!labels.equals(suggestedFor)) {
                suggestion = SelectStarSuggestion.of(fingerprint, columns);
                suggestedFor = labels;
            }
            return suggestion;
        }
    }
}
