package io.queryadvisor.advisor.report;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The report as pretty-printed JSON: the {@link Report} record through the project's one mapping
 * ({@link Json}), so its fields are spelled as in the dashboard's API. The shape is documented in
 * {@code docs/REPORT-FORMAT.md}. Absent values are written as {@code null}, never left out, so
 * every object has all its fields.
 */
public final class JsonReportWriter implements ReportWriter {

    // Jackson closes the target by default; a ReportWriter must leave closing to its caller.
    private static final ObjectWriter WRITER = Json.mapper().writerWithDefaultPrettyPrinter()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        WRITER.writeValue(out, report);
        out.write('\n');
    }
}
