package io.queryadvisor.advisor.report;

import java.util.Locale;
import java.util.function.Supplier;

/** The report formats, with their file extension and media type. */
public enum ReportFormat {
    JSON("json", "application/json; charset=utf-8", JsonReportWriter::new),
    MARKDOWN("md", "text/markdown; charset=utf-8", MarkdownReportWriter::new),
    HTML("html", "text/html; charset=utf-8", HtmlReportWriter::new);

    private final String extension;
    private final String mediaType;
    private final Supplier<ReportWriter> writer;

    ReportFormat(String extension, String mediaType, Supplier<ReportWriter> writer) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.writer = writer;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public ReportWriter writer() {
        return writer.get();
    }

    /** {@code json}, {@code md}/{@code markdown} or {@code html}; the error lists what is accepted. */
    public static ReportFormat parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "json" -> JSON;
            case "md", "markdown" -> MARKDOWN;
            case "html", "htm" -> HTML;
            default -> throw new IllegalArgumentException("unknown report format '" + name + "': use json, md or html");
        };
    }

    /** The format a file name (or path) asks for by its extension ({@code report.html} → HTML). */
    public static ReportFormat forFileName(String fileName) {
        // Only the last path element counts: a dot in a directory name ("build.d/report") is no extension.
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("cannot tell the report format of '" + fileName
                    + "': end its name with .json, .md or .html");
        }
        return parse(name.substring(dot + 1));
    }
}
