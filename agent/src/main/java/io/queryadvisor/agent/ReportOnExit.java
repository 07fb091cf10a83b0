package io.queryadvisor.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.faults.FaultInjection;
import io.queryadvisor.advisor.faults.FaultyStep;
import io.queryadvisor.advisor.report.ReportFormat;

/**
 * Writes the report when the JVM exits ({@code reportOnExit=path}, format from the extension).
 *
 * <p>Bounded, so that it never holds up the JVM's exit (a SIGTERM must end the application in
 * seconds): it waits at most {@link #CATCH_UP} for the advisor to process what is still queued,
 * then writes what the advisor last published, which never waits for the analysis, and says
 * when it did not catch up.
 */
final class ReportOnExit implements Runnable {

    static final Duration CATCH_UP = Duration.ofSeconds(5);

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
            boolean caughtUp = advisor.awaitIdle(CATCH_UP); // events still in flight belong in the report
            write();
            AgentLog.info("report written to " + path.toAbsolutePath() + (caughtUp ? ""
                    : " (the advisor had not caught up after " + CATCH_UP.toSeconds()
                            + " s: it holds what was analysed until then)"));
        } catch (IOException | RuntimeException | LinkageError e) {
            AgentLog.warnOnce("report-on-exit", "could not write the report to " + path.toAbsolutePath()
                    + "; the application exits as it would without it", e);
        }
    }

    void write() throws IOException {
        Path absolute = path.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                if (FaultInjection.ARMED) {
                    FaultInjection.at(FaultyStep.EXIT_REPORT);
                }
                ReportFormat.forFileName(path.getFileName().toString()).writer().write(advisor.report(), out);
            }
            // Readers never see a half-written report.
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | LinkageError e) {
            Files.deleteIfExists(partial); // no half-written file left behind either
            throw e;
        }
    }
}
