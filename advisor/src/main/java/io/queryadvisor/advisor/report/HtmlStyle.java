package io.queryadvisor.advisor.report;

/**
 * The HTML report's style sheet, inlined into the page so the file stands alone: it opens from a
 * CI artifact or a mail attachment with no network and no other file. Readable on screen, and
 * printable (findings are open, colours survive, rows do not split across pages).
 */
final class HtmlStyle {

    static final String CSS = """
            :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --code: #f6f8fa;
                    --high: #b42318; --medium: #b54708; --low: #175cd3; }
            * { box-sizing: border-box; }
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   color: var(--fg); max-width: 1200px; margin: 2rem auto; padding: 0 1.25rem; }
            h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
            h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
            h3 { font-size: .95rem; margin: 1rem 0 .35rem; }
            .meta, .caption { color: var(--muted); margin: .25rem 0; }
            ul { padding-left: 1.4rem; }
            table { border-collapse: collapse; margin: .5rem 0 1rem; }
            th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
            th { background: var(--code); font-weight: 600; }
            .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
                        font-size: .86em; }
            code { background: var(--code); padding: .1em .3em; border-radius: 4px; overflow-wrap: anywhere; }
            pre { background: var(--code); padding: .75rem 1rem; border-radius: 6px; white-space: pre-wrap;
                  overflow-wrap: anywhere; margin: .25rem 0 .75rem; }
            pre code { background: none; padding: 0; font-size: 1em; }
            details.finding { border: 1px solid var(--line); border-left: 5px solid var(--low); border-radius: 6px;
                              padding: .6rem 1rem; margin: .75rem 0; }
            details.finding.high { border-left-color: var(--high); }
            details.finding.medium { border-left-color: var(--medium); }
            summary { cursor: pointer; font-weight: 600; }
            .badge { display: inline-block; padding: 0 .55em; border-radius: 999px; color: #fff; background: var(--low);
                     font-size: .75em; letter-spacing: .04em; vertical-align: .1em; }
            .badge.high { background: var(--high); }
            .badge.medium { background: var(--medium); }
            .facts { color: var(--muted); margin: .5rem 0; }
            td.sql { max-width: 60ch; }
            td.text { max-width: 80ch; overflow-wrap: anywhere; }
            @media print {
              body { margin: 0; max-width: none; font-size: 10.5pt; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              summary { cursor: auto; list-style: none; }
              details.finding, tr, pre { break-inside: avoid; }
              h2, h3 { break-after: avoid; }
            }
            """;

    private HtmlStyle() {
    }
}
