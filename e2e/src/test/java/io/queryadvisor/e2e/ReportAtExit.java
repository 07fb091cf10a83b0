package io.queryadvisor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.queryadvisor.testing.TestDatabase;

/**
 * Runs a packaged application (an executable jar) with the packaged agent attached as a user
 * would attach it, dashboard off, until it exits, and reads the JSON report the agent wrote then.
 */
final class ReportAtExit {

    private ReportAtExit() {
    }

    /**
     * @param run       names the run's directory under {@code target/e2e-runs}, where its output goes
     * @param jar       the application
     * @param arguments its arguments, after the database's ({@code --jdbc-url}, {@code --user},
     *                  {@code --password}), which come from {@link TestDatabase#shared()}
     * @param patience  how long it may take; past it the test fails with the application's output
     */
    static JsonNode of(String run, Path jar, List<String> arguments, Duration patience)
            throws IOException, InterruptedException {
        Path dir = Path.of("target/e2e-runs", run).toAbsolutePath();
        Files.createDirectories(dir);
        Path reportFile = dir.resolve("report.json");
        Files.deleteIfExists(reportFile);
        assertThat(jar).as("the packaged application").isRegularFile();
        TestDatabase db = TestDatabase.shared();
        List<String> command = new ArrayList<>(List.of(Jdk.baseline().java().toString(),
                AgentJar.option("dashboard.enabled=false,reportOnExit=" + reportFile),
                "-jar", jar.toString(), "--jdbc-url", db.jdbcUrl(), "--user", db.user()));
        if (db.password() != null && !db.password().isEmpty()) {
            command.addAll(List.of("--password", db.password()));
        }
        command.addAll(arguments);
        Path log = dir.resolve("child.log");
        Process application = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!application.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            application.destroyForcibly();
            throw new AssertionError(jar.getFileName() + " did not finish in " + patience + ":\n" + Files.readString(log));
        }
        assertThat(application.exitValue()).as("the exit status; the output:\n%s", Files.readString(log)).isZero();
        assertThat(reportFile).as("report written at exit; output:\n%s", Files.readString(log)).isRegularFile();
        return new ObjectMapper().readTree(reportFile.toFile());
    }
}
