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
 * A packaged application ({@code java -jar}) run to its end with the packaged agent attached as a
 * user attaches it, writing the agent's report when it exits; its output goes to a log beside it.
 */
final class PackagedApplication {

    private PackagedApplication() {
    }

    /** The jar failsafe names in {@code property}, else {@code fallback} (module-relative, for an IDE); it must exist. */
    static Path jar(String property, String fallback, String howToBuild) {
        Path jar = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
        assertThat(jar).as("the packaged application (%s)", howToBuild).isRegularFile();
        return jar;
    }

    /**
     * Runs {@code jar} on {@code jdk} against the shared test database (its URL and credentials
     * given as {@code --jdbc-url}, {@code --user}, {@code --password}, after {@code arguments}),
     * asserts it exited 0 within {@code timeout}, and returns the report the agent wrote at exit.
     *
     * @param name           names the run's directory
     * @param agentArguments the agent's settings; {@code reportOnExit} is added
     */
    static JsonNode runToReport(String name, Jdk jdk, Path jar, String agentArguments, List<String> arguments,
                                Duration timeout) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("queryadvisor.e2e.workDir", "target/e2e-runs")).toAbsolutePath()
                .resolve(name);
        Files.createDirectories(dir);
        Path reportFile = dir.resolve("report.json");
        Files.deleteIfExists(reportFile);
        TestDatabase db = TestDatabase.shared();
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(),
                AgentJar.option(agentArguments + ",reportOnExit=" + reportFile), "-jar", jar.toString()));
        command.addAll(arguments);
        command.addAll(List.of("--jdbc-url", db.jdbcUrl(), "--user", db.user()));
        if (db.password() != null && !db.password().isEmpty()) {
            command.addAll(List.of("--password", db.password()));
        }
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!child.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError(name + " did not finish in " + timeout.toSeconds() + " s:\n" + Files.readString(log));
        }
        assertThat(child.exitValue()).as("%s's exit status; its output:\n%s", name, Files.readString(log)).isZero();
        assertThat(reportFile).as("report written at exit; output:\n%s", Files.readString(log)).isRegularFile();
        return new ObjectMapper().readTree(reportFile.toFile());
    }
}
