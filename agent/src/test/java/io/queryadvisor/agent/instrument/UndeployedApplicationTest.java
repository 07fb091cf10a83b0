package io.queryadvisor.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * An application undeployed from a server that keeps running: once it is dropped, nothing of
 * capture's or the advisor's (caches, statistics and findings, the driver connections the probe
 * remembers) keeps its class loader alive. Run in a JVM of its own ({@link UndeployedApplication}),
 * where no other test has installed the agent's instrumentation in-process.
 */
class UndeployedApplicationTest {

    @Test
    void aDroppedApplicationsClassLoaderIsCollected() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = Files.createTempFile("undeployed-application", ".log");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                UndeployedApplication.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child JVM ended").isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);

        assertThat(printed).as("rows read on captured connections, in the application's own loader")
                .contains("rows=80 own-loader=true");
        assertThat(printed).as("the application's class loader was collected").contains("collected=true");
        assertThat(child.exitValue()).as(printed).isZero();
    }
}
