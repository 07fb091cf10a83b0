package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.advisor.config.Settings;

class DashboardServerTest {

    private final Advisor advisor = Advisor.start(AdvisorConfig.defaults());

    @AfterEach
    void close() {
        advisor.close();
    }

    @Test
    void bindsToLoopbackByDefault() {
        DashboardConfig config = DashboardConfig.from(Settings.fromStrings(Map.of("dashboard.port", "0"), "test"));

        try (DashboardServer server = DashboardServer.start(config, advisor)) {
            assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
        }
    }

    @Test
    void picksAFreePortWhenPortIsZero() {
        try (DashboardServer server = DashboardServer.start(ephemeral(), advisor)) {
            assertThat(server.port()).isPositive();
        }
    }

    @Test
    void refusesPortAlreadyInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            DashboardConfig config = new DashboardConfig(true, "127.0.0.1", taken.getLocalPort());

            assertThatThrownBy(() -> DashboardServer.start(config, advisor))
                    .isInstanceOf(DashboardPortUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("queryadvisor.dashboard.port")
                    .hasMessageNotContaining("\n")
                    .satisfies(e -> assertThat(((DashboardPortUnavailableException) e).address().getPort())
                            .isEqualTo(taken.getLocalPort()));
        }
    }

    @Test
    void servesOnDaemonThreadsNamedForTheDashboard() {
        try (RunningDashboard dashboard = new RunningDashboard()) {
            dashboard.get("/api/queries");

            List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("query-advisor-dashboard-")).toList();
            assertThat(threads).isNotEmpty().hasSizeLessThanOrEqualTo(DashboardServer.THREADS + 1).allMatch(Thread::isDaemon);
        }
    }

    @Test
    void stopsListeningWhenClosed() {
        InetSocketAddress address;
        try (DashboardServer server = DashboardServer.start(ephemeral(), advisor)) {
            address = server.address();
        }

        assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void doesNotKeepTheJvmAlive(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StartAndReturnMain.class.getName()).redirectErrorStream(true).redirectOutput(log.toFile()).start();

        boolean exited = child.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);

        assertThat(exited).as("JVM still running 30 s after main returned: a dashboard thread is not a daemon.\n%s",
                output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("served http://127.0.0.1:");
    }

    private static DashboardConfig ephemeral() {
        return new DashboardConfig(true, "127.0.0.1", 0);
    }
}
