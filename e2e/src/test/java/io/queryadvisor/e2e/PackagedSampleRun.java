package io.queryadvisor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.queryadvisor.testing.TestDatabase;

/**
 * A packaged sample run to its end with the packaged agent attached as a user attaches it, on the
 * test database, and the report the agent wrote at exit; with the readers the report tests share.
 */
final class PackagedSampleRun {

    private PackagedSampleRun() {
    }

    /**
     * Runs {@code jar} (a path from the e2e module, overridable by the system property {@code jarProperty})
     * with {@code arguments} plus the database's, in {@code target/e2e-runs/<name>}; fails unless it exits 0.
     */
    static JsonNode report(String name, String jarProperty, String jar, List<String> arguments)
            throws IOException, InterruptedException {
        Path dir = Path.of("target/e2e-runs/" + name).toAbsolutePath();
        Files.createDirectories(dir);
        Path reportFile = dir.resolve("report.json");
        Files.deleteIfExists(reportFile);
        Path sample = Path.of(System.getProperty(jarProperty, jar)).toAbsolutePath().normalize();
        assertThat(sample).as("the packaged sample (%s)", jar).isRegularFile();
        TestDatabase db = TestDatabase.shared();
        List<String> command = new ArrayList<>(List.of(Jdk.baseline().java().toString(),
                AgentJar.option("dashboard.enabled=false,reportOnExit=" + reportFile),
                "-jar", sample.toString(), "--jdbc-url", db.jdbcUrl(), "--user", db.user()));
        if (db.password() != null && !db.password().isEmpty()) {
            command.addAll(List.of("--password", db.password()));
        }
        command.addAll(arguments);
        Path log = dir.resolve("child.log");
        Process run = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!run.waitFor(5, TimeUnit.MINUTES)) {
            run.destroyForcibly();
            throw new AssertionError("the sample did not finish in 5 minutes:\n" + Files.readString(log));
        }
        assertThat(run.exitValue()).as("the sample's exit status; its output:\n%s", Files.readString(log)).isZero();
        assertThat(reportFile).as("report written at exit; output:\n%s", Files.readString(log)).isRegularFile();
        return new ObjectMapper().readTree(reportFile.toFile());
    }

    /** The findings of {@code rule} in {@code report}. */
    static List<JsonNode> findings(JsonNode report, String rule) {
        List<JsonNode> found = new ArrayList<>();
        report.get("recommendations").forEach(r -> {
            if (rule.equals(r.get("rule").asText())) {
                found.add(r);
            }
        });
        return found;
    }

    /** The one finding of {@code rule}; fails when there is none or more than one. */
    static JsonNode onlyFinding(JsonNode report, String rule) {
        List<JsonNode> found = findings(report, rule);
        assertThat(found).as("%s findings in %s", rule, report.get("recommendations")).hasSize(1);
        return found.get(0);
    }

    static List<String> callSites(JsonNode finding) {
        List<String> sites = new ArrayList<>();
        finding.get("callSites").forEach(s -> sites.add(s.get("callSite").asText()));
        return sites;
    }
}
