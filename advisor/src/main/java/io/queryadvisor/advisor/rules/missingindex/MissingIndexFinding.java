package io.queryadvisor.advisor.rules.missingindex;

import java.util.Locale;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.FingerprintFinding;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * The recommendation of a query's advice (an index to create) or resolution (the index now
 * serves it: the query's mean time before and after), with the evidence in reading order.
 */
final class MissingIndexFinding {

    private MissingIndexFinding() {
    }

    static Recommendation of(QueryStats stats, ExaminedQuery query, RuleContext context) {
        if (query.advice != null) {
            return advice(stats, query.advice, context);
        }
        if (query.resolution != null) {
            return resolution(stats, query, context);
        }
        return null;
    }

    private static Recommendation advice(QueryStats stats, IndexAdvice a, RuleContext context) {
        String columns = String.join(", ", a.index().columns());
        String gain = a.verified()
                ? "; with it the estimated cost drops from " + cost(a.costBefore()) + " to " + cost(a.costAfter())
                : " (unverified: " + a.unverified() + ")";
        FingerprintFinding f = FingerprintFinding.about(MissingIndexRule.ID, stats)
                .title("Missing index: every execution reads all " + rows(a.rowsScanned()) + " rows of "
                        + a.index().table() + (a.rowsReturned() >= 0 ? " to keep about " + rows(a.rowsReturned()) : "")
                        + "; an index on (" + columns + ") serves it" + gain)
                .evidence("status", "open")
                .evidence("planNode", a.planNode())
                .evidence("plan", a.plan())
                .evidence("rowsScanned", Math.round(a.rowsScanned()));
        if (a.rowsReturned() >= 0) {
            f.evidence("rowsReturned", Math.round(a.rowsReturned()));
        }
        if (a.costBefore() >= 0) {
            f.evidence("costBefore", a.costBefore());
        }
        f.evidence("costAfter", a.verified() ? a.costAfter() : "unverified");
        if (!a.verified()) {
            f.evidence("unverified", a.unverified());
        }
        return f.evidence("planBasis", a.basis())
                .evidence("executions", stats.count())
                .evidence("totalMillis", stats.totalMillis())
                .evidence("meanMillis", stats.meanMillis())
                .evidence("probeMillis", a.probeMillis())
                .suggestion(Suggestion.withSql(suggestionText(a), a.ddl()))
                .build(context);
    }

    private static String suggestionText(IndexAdvice a) {
        String text = "Create the index" + (a.ddl().contains("CONCURRENTLY")
                ? " (CONCURRENTLY builds it without blocking writes; it cannot run inside a transaction)" : "")
                + ". Equality columns come first, the most selective first, then the range column.";
        if (a.index().patternOps() != null) {
            text += " The LIKE 'prefix%' on " + a.index().patternOps() + " needs text_pattern_ops (or the column"
                    + " declared COLLATE \"C\"): under the database's collation a plain index cannot serve it.";
        }
        return text + " Once it exists, the next examination shows this finding as resolved.";
    }

    private static Recommendation resolution(QueryStats stats, ExaminedQuery query, RuleContext context) {
        ExaminedQuery.Resolution r = query.resolution;
        double after = query.meanMillisAfter();
        FingerprintFinding f = FingerprintFinding.about(MissingIndexRule.ID, stats)
                .title("Resolved: an index on " + r.advice().index().table() + " ("
                        + String.join(", ", r.advice().index().columns()) + ") now serves this query"
                        + (after >= 0 ? "; mean time " + millis(r.meanMillisBefore()) + " before, " + millis(after)
                        + " after" : ""))
                .evidence("status", "resolved")
                .evidence("index", r.advice().ddl())
                .evidence("meanMillisBefore", r.meanMillisBefore())
                .evidence("executionsBefore", r.countBefore());
        if (after >= 0) {
            f.evidence("meanMillisAfter", after).evidence("executionsAfter", query.count - r.countBefore());
        } else {
            f.evidence("meanMillisAfter", "no execution since");
        }
        return f.evidence("costBefore", r.advice().costBefore())
                .suggestion(Suggestion.text("Nothing left to do: the plan no longer scans the whole table."))
                .impact(0, 0) // solved: graded low, listed last
                .build(context);
    }

    private static String cost(double cost) {
        return String.format(Locale.ROOT, "%.2f", cost);
    }

    private static String millis(double millis) {
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    private static String rows(double rows) {
        return String.format(Locale.ROOT, "%,d", Math.round(rows));
    }
}
