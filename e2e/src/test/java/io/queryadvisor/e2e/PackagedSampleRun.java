package io.queryadvisor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

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
        Path sample = PackagedApplication.jar(jarProperty, jar, "mvn package of the sample");
        return PackagedApplication.runToReport(name, Jdk.baseline(), sample, "dashboard.enabled=false", arguments,
                Duration.ofMinutes(5));
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
