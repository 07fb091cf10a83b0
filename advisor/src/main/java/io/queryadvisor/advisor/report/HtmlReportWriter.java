package io.queryadvisor.advisor.report;

import static io.queryadvisor.advisor.report.HtmlText.escape;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.endpoints.EndpointStats;
import io.queryadvisor.advisor.pool.PoolSummary;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.stats.CallSiteCount;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * The report as one self-contained HTML page: inline CSS, no script, no external resource, so it
 * opens offline from a CI artifact and prints. Findings are {@code <details>} elements, open by
 * default, that a reader can fold without any JavaScript. Every dynamic string is escaped.
 */
public final class HtmlReportWriter implements ReportWriter {

    private static final String[] QUERY_COLUMNS = {"Count", "Total ms", "Mean ms", "p95 ms", "Max ms", "Rows"};

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        ReportView view = new ReportView(report);
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(view.title())).append("</title>\n")
                .append("<style>\n").append(HtmlStyle.CSS).append("</style>\n</head>\n<body>\n");
        header(view, html);
        summary(view, html);
        findings(view, html);
        topQueries(view, html);
        endpoints(view, html);
        pools(view, html);
        html.append("</body>\n</html>\n");
        out.write(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void header(ReportView view, StringBuilder html) {
        html.append("<header>\n<h1>").append(escape(view.title())).append("</h1>\n")
                .append("<p class=\"meta\">").append(escape(view.subtitle())).append("</p>\n");
        List<String> databases = view.databases();
        if (!databases.isEmpty()) {
            html.append("<p class=\"meta\">Databases:</p>\n");
            list(databases, false, html);
        }
        html.append("</header>\n");
    }

    private static void summary(ReportView view, StringBuilder html) {
        html.append("<section id=\"summary\">\n<h2>Summary</h2>\n<ul>\n");
        view.summary().forEach(f -> html.append("<li><strong>").append(escape(f.label())).append(":</strong> ")
                .append(escape(f.value())).append("</li>\n"));
        html.append("</ul>\n</section>\n");
    }

    private static void findings(ReportView view, StringBuilder html) {
        html.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (view.findings().isEmpty()) {
            html.append("<p>No findings.</p>\n");
        }
        int n = 0;
        for (Recommendation r : view.findings()) {
            finding(++n, r, html);
        }
        html.append("</section>\n");
    }

    private static void finding(int n, Recommendation r, StringBuilder html) {
        String severity = escape(r.severity().label());
        html.append("<details class=\"finding ").append(severity).append("\" open>\n<summary>")
                .append(n).append(". <span class=\"badge ").append(severity).append("\">")
                .append(escape(ReportView.severityTag(r))).append("</span> ")
                .append(escape(r.title())).append("</summary>\n");
        html.append("<p class=\"facts\">Rule <code>").append(escape(r.rule())).append("</code> · impact ")
                .append(escape(Figures.millis(r.impactMillis()))).append(" ms");
        if (r.fingerprintId() != null) {
            html.append(" · fingerprint <code>").append(escape(r.fingerprintId())).append("</code>");
        }
        html.append("</p>\n");
        evidence(r.evidence(), html);
        if (!r.callSites().isEmpty()) {
            html.append("<h3>Call sites</h3>\n");
            list(r.callSites().stream().map(CallSiteCount::callSite).toList(), true, html);
        }
        String sql = ReportView.exampleSql(r);
        if (sql != null) {
            html.append("<h3>Example SQL</h3>\n");
            codeBlock(sql, "sql", html);
        }
        suggestion(r.suggestion(), html);
        html.append("</details>\n");
    }

    private static void evidence(Map<String, Object> evidence, StringBuilder html) {
        if (evidence.isEmpty()) {
            return;
        }
        html.append("<table class=\"evidence\">\n<thead><tr><th>Evidence</th><th class=\"num\">Value</th></tr></thead>\n<tbody>\n");
        // numbers align right; text (a query the loop follows, call sites) wraps inside the page
        evidence.forEach((name, value) -> html.append("<tr><td>").append(escape(EvidenceLabels.of(name)))
                .append(value instanceof Number ? "</td><td class=\"num\">" : "</td><td class=\"text\">")
                .append(escape(Figures.value(value))).append("</td></tr>\n"));
        html.append("</tbody>\n</table>\n");
    }

    private static void suggestion(Suggestion s, StringBuilder html) {
        if (s == null) {
            return;
        }
        html.append("<h3>Suggestion</h3>\n<p>").append(escape(s.text())).append("</p>\n");
        if (s.code() != null && !s.code().isBlank()) {
            codeBlock(s.code(), s.codeLanguage(), html);
        }
    }

    private static void topQueries(ReportView view, StringBuilder html) {
        html.append("<section id=\"top-queries\">\n<h2>Top queries</h2>\n");
        List<QueryStats> top = view.topQueries();
        if (top.isEmpty()) {
            html.append("<p>No statements captured.</p>\n</section>\n");
            return;
        }
        html.append("<p class=\"caption\">").append(escape(view.topQueriesCaption())).append("</p>\n");
        html.append("<table class=\"queries\">\n<thead><tr><th class=\"num\">#</th><th>Query</th>");
        for (String column : QUERY_COLUMNS) {
            html.append("<th class=\"num\">").append(column).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        int n = 0;
        for (QueryStats q : top) {
            html.append("<tr><td class=\"num\">").append(++n).append("</td><td class=\"sql\"><code>")
                    .append(escape(ReportView.tableSql(q))).append("</code></td>");
            for (String figure : List.of(Figures.count(q.count()), Figures.millis(q.totalMillis()),
                    Figures.millis(q.meanMillis()), Figures.millis(q.p95Millis()), Figures.millis(q.maxMillis()),
                    Figures.count(q.rows()))) {
                html.append("<td class=\"num\">").append(escape(figure)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void endpoints(ReportView view, StringBuilder html) {
        List<EndpointStats> top = view.topEndpoints();
        if (top.isEmpty()) {
            return;
        }
        html.append("<section id=\"endpoints\">\n<h2>Endpoints</h2>\n<p class=\"caption\">")
                .append(escape(view.endpointsCaption())).append("</p>\n");
        tableHead("endpoints", "Endpoint", ReportView.ENDPOINT_COLUMNS, html);
        for (EndpointStats e : top) {
            figureRow(e.endpoint(), ReportView.endpointFigures(e), html);
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void pools(ReportView view, StringBuilder html) {
        if (view.pools().isEmpty()) {
            return;
        }
        html.append("<section id=\"pools\">\n<h2>Connection pools</h2>\n<p class=\"caption\">")
                .append(escape(view.poolsCaption())).append("</p>\n");
        tableHead("pools", "Pool", ReportView.POOL_COLUMNS, html);
        for (PoolSummary p : view.pools()) {
            figureRow(p.name(), ReportView.poolFigures(p), html);
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    /** Opens a table of class {@code css}: a name column, then figures aligned right. */
    private static void tableHead(String css, String nameColumn, List<String> figureColumns, StringBuilder html) {
        html.append("<table class=\"").append(css).append("\">\n<thead><tr><th>").append(nameColumn).append("</th>");
        for (String column : figureColumns) {
            html.append("<th class=\"num\">").append(escape(column)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
    }

    private static void figureRow(String name, List<String> figures, StringBuilder html) {
        html.append("<tr><td><code>").append(escape(name)).append("</code></td>");
        for (String figure : figures) {
            html.append("<td class=\"num\">").append(escape(figure)).append("</td>");
        }
        html.append("</tr>\n");
    }

    private static void list(List<String> items, boolean asCode, StringBuilder html) {
        html.append("<ul>\n");
        for (String item : items) {
            html.append(asCode ? "<li><code>" : "<li>").append(escape(item)).append(asCode ? "</code></li>\n" : "</li>\n");
        }
        html.append("</ul>\n");
    }

    private static void codeBlock(String code, String language, StringBuilder html) {
        html.append("<pre><code");
        if (language != null && !language.isBlank()) {
            html.append(" class=\"language-").append(escape(language.strip())).append('"');
        }
        html.append('>').append(escape(code)).append("</code></pre>\n");
    }
}
