package io.queryadvisor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.e2e.ChildOutput.Stream;
import io.queryadvisor.e2e.app.KnownWorkloadApp;
import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestSchema;

/** A dashboard port someone else holds costs the application nothing but one line on stderr. */
class DashboardPortTakenIT {

    @Test
    void applicationRunsNormallyAndOneLineNamesTheTakenPort() throws Exception {
        TestSchema schema = TestDatabase.shared().freshSchema(DashboardPortTakenIT.class);
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = occupied.getLocalPort();
            try (ChildJvm child = ChildJvm.start("dashboard-port-taken", Jdk.baseline(),
                    List.of(AgentJar.option("dashboard.port=" + port)), KnownWorkloadApp.class,
                    List.of(schema.jdbcUrl(), schema.user(), schema.password()))) {

                child.awaitLine(Stream.STDOUT, "'WORKLOAD DONE'", "WORKLOAD DONE"::equals, Duration.ofSeconds(60));
                assertThat(child.finishAndAwaitExit(Duration.ofSeconds(20))).as("exit status\n%s", child.tail())
                        .isZero();

                List<String> stderr = child.lines(Stream.STDERR);
                assertThat(stderr).as("stderr lines naming port %d\n%s", port, child.tail())
                        .filteredOn(line -> line.contains(String.valueOf(port)))
                        .singleElement().asString().containsIgnoringCase("port");
                assertThat(stderr).as("no dashboard announced\n%s", child.tail())
                        .noneMatch(line -> line.startsWith("[query-advisor] dashboard:"));
                assertThat(stderr).as("no stack trace\n%s", child.tail())
                        .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Exception in thread"));
            }
        }
    }
}
