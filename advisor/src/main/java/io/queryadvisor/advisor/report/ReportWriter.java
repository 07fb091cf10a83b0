package io.queryadvisor.advisor.report;

import java.io.IOException;
import java.io.OutputStream;

/** Turns a report into bytes of one format. Adding a format is one class, registered in {@link ReportFormat}. */
public interface ReportWriter {

    /** Writes {@code report} to {@code out} (UTF-8 for text formats); does not close {@code out}. */
    void write(Report report, OutputStream out) throws IOException;
}
