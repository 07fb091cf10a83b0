package io.queryadvisor.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.report.ReportFormat;

/** Writes the report when the JVM exits ({@code reportOnExit=path}, format from the extension). */
final class ReportOnExit implements Runnable {

    private final Advisor advisor;
    private final Path path;

    ReportOnExit(Advisor advisor, Path path) {
        this.advisor = advisor;
        this.path = path;
    }

    static void register(Advisor advisor, Path path) {
        Thread hook = new Thread(new ReportOnExit(advisor, path), "query-advisor-report-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void run() {
        try {
            advisor.awaitIdle(Duration.ofSeconds(5)); // events still in flight belong in the report
            write();
            AgentLog.info("report written to " + path.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            AgentLog.warnOnce("report-on-exit", "could not write the report to " + path.toAbsolutePath(), e);
        }
    }

    void write() throws IOException {
        Path absolute = path.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            ReportFormat.forFileName(path.getFileName().toString()).writer().write(advisor.report(), out);
        }
        // Readers never see a half-written report.
        Files.move(partial, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
