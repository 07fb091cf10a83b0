package io.queryadvisor.advisor.report;

import static io.queryadvisor.advisor.report.MarkdownText.cellCode;
import static io.queryadvisor.advisor.report.MarkdownText.code;
import static io.queryadvisor.advisor.report.MarkdownText.codeBlock;
import static io.queryadvisor.advisor.report.MarkdownText.row;
import static io.queryadvisor.advisor.report.MarkdownText.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.endpoints.EndpointStats;
import io.queryadvisor.advisor.pool.PoolSummary;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * The report as GitHub-flavoured Markdown, to paste into a pull request or an issue: a summary,
 * one section per finding, then the most costly queries, the endpoints and the connection pools.
 */
public final class MarkdownReportWriter implements ReportWriter {

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        ReportView view = new ReportView(report);
        StringBuilder md = new StringBuilder(8192);
        header(view, md);
        summary(view, md);
        findings(view, md);
        topQueries(view, md);
        endpoints(view, md);
        pools(view, md);
        out.write(md.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void header(ReportView view, StringBuilder md) {
        md.append("# ").append(text(view.title())).append("\n\n");
        md.append(text(view.subtitle())).append("\n\n");
        List<String> databases = view.databases();
        if (!databases.isEmpty()) {
            md.append("Databases:\n\n");
            databases.forEach(d -> md.append("- ").append(text(d)).append('\n'));
            md.append('\n');
        }
    }

    private static void summary(ReportView view, StringBuilder md) {
        md.append("## Summary\n\n");
        view.summary().forEach(f -> md.append("- **").append(text(f.label())).append(":** ")
                .append(text(f.value())).append('\n'));
        md.append('\n');
    }

    private static void findings(ReportView view, StringBuilder md) {
        md.append("## Findings\n\n");
        if (view.findings().isEmpty()) {
            md.append("No findings.\n\n");
            return;
        }
        int n = 0;
        for (Recommendation r : view.findings()) {
            finding(++n, r, md);
        }
    }

    private static void finding(int n, Recommendation r, StringBuilder md) {
        md.append("### ").append(n).append(". ").append(ReportView.severityTag(r)).append(": ")
                .append(text(r.title())).append("\n\n");
        md.append("**Rule:** ").append(code(r.rule()))
                .append(" · **Impact:** ").append(Figures.millis(r.impactMillis())).append(" ms");
        if (r.fingerprintId() != null) {
            md.append(" · **Fingerprint:** ").append(code(r.fingerprintId()));
        }
        md.append("\n\n");
        evidence(r.evidence(), md);
        if (!r.callSites().isEmpty()) {
            md.append("**Call sites:**\n\n");
            r.callSites().forEach(site -> md.append("- ").append(code(site.callSite())).append(" (")
                    .append(site.count()).append(site.count() == 1 ? " execution)\n" : " executions)\n"));
            md.append('\n');
        }
        String sql = ReportView.exampleSql(r);
        if (sql != null) {
            md.append("**Example SQL:**\n\n").append(codeBlock(sql, "sql")).append('\n');
        }
        suggestion(r.suggestion(), md);
    }

    private static void evidence(Map<String, Object> evidence, StringBuilder md) {
        if (evidence.isEmpty()) {
            return;
        }
        md.append(row("Evidence", "Value")).append('\n').append(row("---", "---:")).append('\n');
        evidence.forEach((name, value) -> md.append(row(text(EvidenceLabels.of(name)), text(Figures.value(value))))
                .append('\n'));
        md.append('\n');
    }

    private static void suggestion(Suggestion s, StringBuilder md) {
        if (s == null) {
            return;
        }
        md.append("**Suggestion:** ").append(text(s.text())).append("\n\n");
        if (s.code() != null && !s.code().isBlank()) {
            md.append(codeBlock(s.code(), s.codeLanguage())).append('\n');
        }
    }

    private static void topQueries(ReportView view, StringBuilder md) {
        md.append("## Top queries\n\n");
        List<QueryStats> top = view.topQueries();
        if (top.isEmpty()) {
            md.append("No statements captured.\n");
            return;
        }
        md.append(text(view.topQueriesCaption())).append("\n\n");
        md.append(row("#", "Query", "Count", "Total ms", "Mean ms", "p95 ms", "Max ms", "Rows")).append('\n');
        md.append(row("---:", "---", "---:", "---:", "---:", "---:", "---:", "---:")).append('\n');
        int n = 0;
        for (QueryStats q : top) {
            md.append(row(String.valueOf(++n), cellCode(ReportView.tableSql(q)), Figures.count(q.count()),
                    Figures.millis(q.totalMillis()), Figures.millis(q.meanMillis()), Figures.millis(q.p95Millis()),
                    Figures.millis(q.maxMillis()), Figures.count(q.rows()))).append('\n');
        }
    }

    private static void endpoints(ReportView view, StringBuilder md) {
        List<EndpointStats> top = view.topEndpoints();
        if (top.isEmpty()) {
            return;
        }
        md.append("\n## Endpoints\n\n").append(text(view.endpointsCaption())).append("\n\n");
        table("Endpoint", ReportView.ENDPOINT_COLUMNS, md);
        for (EndpointStats e : top) {
            figureRow(cellCode(e.endpoint()), ReportView.endpointFigures(e), md);
        }
    }

    private static void pools(ReportView view, StringBuilder md) {
        if (view.pools().isEmpty()) {
            return;
        }
        md.append("\n## Connection pools\n\n").append(text(view.poolsCaption())).append("\n\n");
        table("Pool", ReportView.POOL_COLUMNS, md);
        for (PoolSummary p : view.pools()) {
            figureRow(cellCode(p.name()), ReportView.poolFigures(p), md);
        }
    }

    /** A table's header and alignment rows: a name column, then figures aligned right. */
    private static void table(String nameColumn, List<String> figureColumns, StringBuilder md) {
        List<String> header = new ArrayList<>(List.of(nameColumn));
        header.addAll(figureColumns);
        List<String> align = new ArrayList<>(List.of("---"));
        figureColumns.forEach(c -> align.add("---:"));
        md.append(row(header.toArray(String[]::new))).append('\n').append(row(align.toArray(String[]::new))).append('\n');
    }

    private static void figureRow(String name, List<String> figures, StringBuilder md) {
        List<String> cells = new ArrayList<>(List.of(name));
        cells.addAll(figures);
        md.append(row(cells.toArray(String[]::new))).append('\n');
    }
}
