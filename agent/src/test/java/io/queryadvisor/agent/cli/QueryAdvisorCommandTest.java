package io.queryadvisor.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** {@code java -jar query-advisor-agent.jar report ...} against a stand-in dashboard on a free port. */
class QueryAdvisorCommandTest {

    private static final Map<String, String> REPORTS = Map.of(
            "json", "{\"generatedAt\":\"2025-06-01T10:15:30Z\"}\n",
            "md", "# Query Advisor report: shop 🛒\n",
            "html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>größe</body></html>\n");

    private static final String TOKEN = "s3cret-token-0123456789";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlowAnswers = new CountDownLatch(1);
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private ExecutorService executor;
    private HttpServer server;
    private String dashboard;

    @TempDir
    Path dir;

    @BeforeEach
    void startDashboard() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/report", this::answerReport);
        server.createContext("/locked/api/report", exchange -> {
            if (("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answerReport(exchange);
            } else {
                answer(exchange, 401, "{\"error\":\"this dashboard needs its token\"}");
            }
        });
        server.createContext("/broken/api/report", exchange -> answer(exchange, 500,
                "{\"error\":\"report failed: \\\"disk full\\\"\"}"));
        server.createContext("/slow/api/report", exchange -> {
            awaitRelease();
            answer(exchange, 200, "late");
        });
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.start();
        dashboard = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopDashboard() throws InterruptedException {
        releaseSlowAnswers.countDown();
        server.stop(0);
        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "help", "--help", "-h", "report --help"})
    void printsUsageWhenAskedOrGivenNothing(String args) {
        assertThat(run(args.isEmpty() ? new String[0] : args.split(" "))).isEqualTo(QueryAdvisorCommand.OK);
        assertThat(stdout()).contains("Usage:").contains("report [--from URL] [--format json|md|html] [--out FILE]");
        assertThat(stderr()).isEmpty();
        assertThat(requests).isEmpty();
    }

    @Test
    void sendsTheTokenToADashboardThatAsksForIt() {
        assertThat(run("report", "--from", dashboard + "/locked", "--token", TOKEN)).isEqualTo(QueryAdvisorCommand.OK);
        assertThat(stdout()).isEqualTo(REPORTS.get("json"));
    }

    @Test
    void saysToGiveTheTokenWhenTheDashboardAsksForIt() {
        assertThat(run("report", "--from", dashboard + "/locked")).isEqualTo(QueryAdvisorCommand.FAILED);
        assertThat(stderr()).contains("HTTP 401").contains("needs its token").contains("--token");
    }

    @Test
    void writesTheReportToStandardOutputWithoutOut() {
        assertThat(run("report", "--from", dashboard)).isEqualTo(QueryAdvisorCommand.OK);
        assertThat(requests).containsExactly("/api/report?format=json");
        assertThat(stdout()).isEqualTo(REPORTS.get("json"));
        assertThat(stderr()).isEmpty();
    }

    @Test
    void writesTheReportToOutInTheFormatOfItsExtension() throws IOException {
        Path out = dir.resolve("report.md");
        assertThat(run("report", "--from", dashboard, "--out", out.toString())).isEqualTo(QueryAdvisorCommand.OK);
        assertThat(requests).containsExactly("/api/report?format=md");
        assertThat(Files.readString(out)).isEqualTo(REPORTS.get("md"));
        assertThat(stdout()).isEqualTo("Wrote the md report to " + out + " (" + Files.size(out) + " bytes)\n");
    }

    @Test
    void asksForTheFormatGivenEvenWhenTheFileSaysOtherwise() throws IOException {
        Path out = dir.resolve("report.txt.md");
        assertThat(run("report", "--from", dashboard + "/", "--format", "HTML", "--out", out.toString()))
                .isEqualTo(QueryAdvisorCommand.OK);
        assertThat(requests).containsExactly("/api/report?format=html");
        assertThat(Files.readString(out)).isEqualTo(REPORTS.get("html"));
    }

    @Test
    void replacesAnOlderReport() throws IOException {
        Path out = dir.resolve("report.json");
        Files.writeString(out, "an older, much longer report that must not leave a tail behind");
        assertThat(run("report", "--from", dashboard, "--out", out.toString())).isEqualTo(QueryAdvisorCommand.OK);
        assertThat(Files.readString(out)).isEqualTo(REPORTS.get("json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "report --format pdf", "report --out report.txt", "report --from", "report extra",
            "report --from ftp://x"})
    void refusesBadInputWithOneLineAndExitCodeTwo(String args) {
        assertThat(run(args.split(" "))).isEqualTo(QueryAdvisorCommand.USAGE);
        assertThat(stderr()).startsWith("query-advisor: ").endsWith(" (run with 'help' for usage)\n")
                .hasLineCount(1);
        assertThat(stdout()).isEmpty();
        assertThat(requests).isEmpty();
    }

    @Test
    void namesTheUrlWhenTheDashboardIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path out = dir.resolve("report.html");
        assertThat(run("report", "--from", "http://127.0.0.1:" + closedPort, "--out", out.toString()))
                .isEqualTo(QueryAdvisorCommand.FAILED);
        assertThat(stderr()).hasLineCount(1).startsWith("query-advisor: cannot reach the Query Advisor dashboard at http://127.0.0.1:"
                + closedPort + "/api/report?format=html: ");
        assertThat(out).doesNotExist();
    }

    @Test
    void reportsTheDashboardsOwnErrorMessage() {
        assertThat(run("report", "--from", dashboard + "/broken")).isEqualTo(QueryAdvisorCommand.FAILED);
        assertThat(stderr()).isEqualTo("query-advisor: the dashboard at " + dashboard
                + "/broken/api/report?format=json answered HTTP 500: report failed: \"disk full\"\n");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void saysWhenTheUrlIsNoDashboard() {
        assertThat(run("report", "--from", dashboard + "/elsewhere")).isEqualTo(QueryAdvisorCommand.FAILED);
        assertThat(stderr()).contains("answered HTTP 404: no report there: is this a Query Advisor dashboard?");
    }

    @Test
    void givesUpOnADashboardThatDoesNotAnswerInTime() {
        QueryAdvisorCommand impatient = new QueryAdvisorCommand(new DashboardClient(Duration.ofMillis(300)));
        int status = impatient.run(List.of("report", "--from", dashboard + "/slow"), print(stdout), print(stderr));
        assertThat(status).isEqualTo(QueryAdvisorCommand.FAILED);
        assertThat(stderr()).isEqualTo("query-advisor: cannot reach the Query Advisor dashboard at " + dashboard
                + "/slow/api/report?format=json: no answer within 300 ms\n");
    }

    @Test
    void waitsTenSecondsByDefault() {
        assertThat(DashboardClient.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void saysSoWhenTheOutDirectoryDoesNotExist() {
        Path out = dir.resolve("missing").resolve("report.md");
        assertThat(run("report", "--from", dashboard, "--out", out.toString())).isEqualTo(QueryAdvisorCommand.FAILED);
        assertThat(stderr()).isEqualTo("query-advisor: cannot write " + out + ": its directory does not exist\n");
    }

    private int run(String... args) {
        return new QueryAdvisorCommand(new DashboardClient(DashboardClient.DEFAULT_TIMEOUT))
                .run(List.of(args), print(stdout), print(stderr));
    }

    private void answerReport(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(exchange.getRequestURI().toString());
        String format = query == null ? "json" : query.replace("format=", "");
        String report = REPORTS.get(format);
        if (report == null) {
            answer(exchange, 400, "{\"error\":\"unknown report format '" + format + "'\"}");
        } else {
            answer(exchange, 200, report);
        }
    }

    private void awaitRelease() {
        try {
            releaseSlowAnswers.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
