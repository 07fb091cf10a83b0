package io.queryadvisor.advisor.rules.deepoffset;

import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.PageBounds;
import io.queryadvisor.advisor.fingerprint.Paging;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.support.BoundedFingerprintMap;
import io.queryadvisor.advisor.rules.support.FingerprintFinding;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * {@code deep-offset}: pages read with a large OFFSET ({@code LIMIT n OFFSET m}, {@code OFFSET m ROWS
 * FETCH FIRST n ROWS ONLY}, MySQL's {@code LIMIT m, n}). The database produces and discards all
 * {@code m} rows before the page, so each page costs more than the one before it, and the last
 * pages of a large table cost a scan each.
 *
 * <p>The offset of an execution is its literal (read per text, see the fingerprint's {@code Paging})
 * or its bound value: the capture copies the binds of a text's first executions, and of every
 * execution once the advisor has seen that the text's OFFSET is a bind (see
 * {@code CaptureBuffer.sampleEveryExecution}): a finding needs one page at an offset of at least
 * {@code threshold}.
 * The finding shows the pages, how many offsets were known, the deepest, the rows walked for it,
 * the page size, and the count query run beside the pages in the same connection checkout (a "page
 * N of M" that counts again for every page); it suggests the query as a keyset page.
 *
 * <p>Settings, under {@code queryadvisor.rules.deep-offset.}: {@code threshold} (default 1000),
 * {@code maxConnections} (default 10000: checkouts followed for count queries), {@code maxFingerprints}.
 */
public final class DeepOffsetRule implements Rule {

    public static final String ID = "deep-offset";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Deep OFFSET pagination",
            "Implement efficient pagination", RuleDescriptor.Kind.QUERY,
            "Pages read with a large OFFSET (from literals or sampled binds), which the database reads and throws"
                    + " away row by row, and a count query beside every page; suggests keyset pagination written for"
                    + " the query.");

    private final long threshold;
    private final PageCounts pageCounts;
    private final BoundedFingerprintMap<OffsetPages> tracked;

    public DeepOffsetRule(RuleSettings settings) {
        this.threshold = settings.integer("threshold", 1_000, 1, Integer.MAX_VALUE);
        this.pageCounts = new PageCounts(settings.integer("maxConnections", 10_000, 1, 1_000_000));
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
        } else if (event instanceof ConnectionReleased released) {
            pageCounts.released(released.connectionId());
        }
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of("fingerprintsDropped", tracked.dropped());
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        return tracked.findings(context, (stats, pages) -> pages.deepPages() > 0 ? recommendation(stats, pages, context) : null);
    }

    /** Connections followed for their count queries now. */
    int connectionsTracked() {
        return pageCounts.connections();
    }

    private void onStatement(ObservedStatement statement) {
        StatementExecuted e = statement.event();
        Fingerprint fp = statement.fingerprint();
        Paging paging = fp.facts().paging();
        if (fp.type() != StatementType.SELECT || e.failed() || fp.facts().tables().isEmpty()) {
            return;
        }
        String table = fp.facts().tables().get(0);
        if (paging.countsRows()) {
            pageCounts.count(e.connectionId(), table, fp.text(), this::countedBeside);
        } else if (fp.facts().hasOffset() && !paging.bounds().equals(PageBounds.NONE)) {
            tracked.getOrCreate(fp.id(), () -> new OffsetPages(paging)).record(e, fp, threshold);
            pageCounts.page(e.connectionId(), fp.id(), table, this::countedBeside);
        }
    }

    private void countedBeside(String pageFingerprintId, String countFingerprint) {
        OffsetPages pages = tracked.get(pageFingerprintId);
        if (pages != null) {
            pages.countedBeside(countFingerprint);
        }
    }

    private Recommendation recommendation(QueryStats stats, OffsetPages pages, RuleContext context) {
        FingerprintFinding finding = FingerprintFinding.about(ID, stats)
                .callSites(pages.callSites().callSites())
                .title(title(pages))
                .evidence("pages", pages.executions())
                .evidence("offsetsKnown", pages.offsetsKnown())
                .evidence("deepPages", pages.deepPages())
                .evidence("thresholdOffset", threshold)
                .evidence("maxOffset", pages.maxOffset());
        if (pages.pageSize() >= 0) {
            finding.evidence("pageSize", pages.pageSize());
        }
        finding.evidence("maxRowsWalked", pages.maxRowsScanned());
        if (pages.withCount() > 0) {
            finding.evidence("countQueryBeside", pages.countQuery() + " (beside " + pages.withCount() + " of "
                    + pages.executions() + " pages, in the same connection checkout)");
        }
        return finding.evidence("callSites", pages.callSites().describe("not sampled"))
                .impact(pages.deepMillis(), pages.deepPages())
                .suggestion(DeepOffsetSuggestion.of(pages))
                .build(context);
    }

    private static String title(OffsetPages pages) {
        String title = "Deep OFFSET: pages skip up to " + pages.maxOffset() + " rows before the "
                + (pages.pageSize() >= 0 ? pages.pageSize() + " they return" : "rows they return");
        return pages.withCount() > 0 ? title + ", each with a count query beside it" : title;
    }
}
