package io.queryadvisor.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.queryadvisor.advisor.report.Report;
import io.queryadvisor.advisor.report.ReportFormat;
import io.queryadvisor.advisor.report.ReportWriter;

/**
 * {@code GET /api/report?format=json|md|html}: the advisor's report, written by the format's own
 * writer. JSON is shown in the browser; Markdown and HTML come as a file to save.
 */
final class ReportEndpoint implements Endpoint {

    static final String FILE_NAME = "query-advisor-report";

    private final Supplier<Report> reports;
    private final Function<ReportFormat, ReportWriter> writers;

    /** {@code writers} is {@code ReportFormat::writer} but for tests. */
    ReportEndpoint(Supplier<Report> reports, Function<ReportFormat, ReportWriter> writers) {
        this.reports = reports;
        this.writers = writers;
    }

    @Override
    public Response get(Map<String, String> parameters) throws IOException {
        ReportFormat format;
        try {
            format = ReportFormat.parse(parameters.getOrDefault("format", "json"));
        } catch (IllegalArgumentException e) {
            return Response.error(400, e.getMessage());
        }
        byte[] body;
        try {
            body = render(format);
        } catch (UnsupportedOperationException e) {
            // A format whose writer is not in this build is "not implemented", not a server fault.
            return Response.error(501, "the " + format.extension() + " report is not available in this build: "
                    + e.getMessage());
        }
        Response response = Response.of(200, format.mediaType(), body);
        if (format == ReportFormat.JSON) {
            return response;
        }
        return response.withHeader("Content-Disposition",
                "attachment; filename=\"" + FILE_NAME + "." + format.extension() + "\"");
    }

    private byte[] render(ReportFormat format) throws IOException {
        ReportWriter writer = writers.apply(format); // first: it may refuse before a report is built
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        writer.write(reports.get(), out);
        return out.toByteArray();
    }
}
