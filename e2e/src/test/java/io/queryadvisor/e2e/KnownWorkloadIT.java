package io.queryadvisor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.queryadvisor.e2e.ChildOutput.Stream;
import io.queryadvisor.e2e.app.KnownWorkload;
import io.queryadvisor.e2e.app.KnownWorkloadApp;
import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestSchema;

/**
 * The packaged agent, attached with {@code -javaagent} to an application on HikariCP (with its own
 * datasource-proxy, Byte Buddy, Jackson and JSqlParser), counts a known workload exactly, on the
 * baseline JDK and on the newest.
 */
class KnownWorkloadIT {

    // Every execution gets its call site, so call-site counts can be checked exactly.
    private static final String AGENT_ARGUMENTS = "dashboard.port=0,callSite.firstN=1000";

    @Test
    void countsEveryStatementExactlyOnceOnJdk17() throws Exception {
        runKnownWorkload(Jdk.baseline());
    }

    @Test
    void countsEveryStatementExactlyOnceOnJdk25() throws Exception {
        runKnownWorkload(Jdk.jdk25());
    }

    private static void runKnownWorkload(Jdk jdk) throws Exception {
        TestSchema schema = TestDatabase.shared().freshSchema("KnownWorkloadIT-" + jdk.label());
        String name = "known-workload-" + jdk.label();
        try (ChildJvm child = ChildJvm.start(name, jdk, List.of(AgentJar.option(AGENT_ARGUMENTS)),
                KnownWorkloadApp.class, List.of(schema.jdbcUrl(), schema.user(), schema.password()))) {
            child.awaitLine(Stream.STDOUT, "Java version line", line -> line.startsWith("JAVA FEATURE VERSION"),
                    Duration.ofSeconds(30));
            assertThat(child.lines(Stream.STDOUT)).as("the child runs on the JDK asked for")
                    .contains("JAVA FEATURE VERSION " + jdk.feature());

            String banner = child.awaitLine(Stream.STDERR, "dashboard line",
                    line -> line.startsWith("[query-advisor] dashboard:"), Duration.ofSeconds(30));
            child.awaitLine(Stream.STDOUT, "'WORKLOAD DONE'", "WORKLOAD DONE"::equals, Duration.ofSeconds(60));
            assertThat(child.lines(Stream.STDERR).stream().filter(l -> l.startsWith("[query-advisor] dashboard:")))
                    .as("dashboard lines on stderr\n%s", child.tail()).hasSize(1);

            JsonNode snapshot = DashboardClient.fromBanner(banner)
                    .awaitQueries(s -> WorkloadAssertions.reached(s, KnownWorkload.expected()), Duration.ofSeconds(20));
            child.note("snapshot read from the dashboard");
            WorkloadAssertions.assertMatches(snapshot, KnownWorkload.expected(), child.tail());
            // No JVM warnings about the agent's (shaded) libraries and no stack traces of its
            // classes in the application's stderr: the agent speaks only in its own messages.
            assertThat(child.lines(Stream.STDERR))
                    .as("stderr lines of JVM warnings or stack traces from the agent\n%s", child.tail())
                    .filteredOn(KnownWorkloadIT::isAgentNoise)
                    .isEmpty();

            child.note("assertions passed; closing the child's stdin");
            assertThat(child.finishAndAwaitExit(Duration.ofSeconds(20))).as("exit status\n%s", child.tail()).isZero();
        }
    }

    private static boolean isAgentNoise(String stderrLine) {
        return stderrLine.contains("io.queryadvisor.shaded") || stderrLine.contains("query-advisor-agent.jar")
                || stderrLine.matches("\\s+at io\\.queryadvisor\\.(agent|advisor|dashboard)\\..*");
    }
}
