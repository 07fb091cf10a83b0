package io.queryadvisor.dashboard;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;

/**
 * A dashboard bound beyond loopback answers only requests that carry its token. It is bound to
 * every interface and reached over 127.0.0.1 with the {@code Host} a remote browser would send.
 */
class DashboardAccessTest {

    private static final String TOKEN = "test-token-0123456789-abcdef";
    private static final String HOST = "dashboard.example:7070";

    private final Advisor advisor = Advisor.start(AdvisorConfig.defaults());
    private DashboardServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        advisor.close();
    }

    private DashboardServer exposed(String token) {
        server = DashboardServer.start(new DashboardConfig(true, "0.0.0.0", 0, token), advisor);
        return server;
    }

    @Test
    void refusesARequestWithoutTheToken() throws IOException {
        exposed(TOKEN);

        String response = get("/api/queries", "");

        assertThat(statusLine(response)).contains(" 401 ");
        assertThat(response).containsIgnoringCase("WWW-Authenticate: Bearer").contains("needs its token");
    }

    @Test
    void refusesAWrongToken() throws IOException {
        exposed(TOKEN);

        assertThat(statusLine(get("/api/queries", "Authorization: Bearer " + TOKEN + "x\r\n"))).contains(" 401 ");
        assertThat(statusLine(get("/api/queries?token=" + TOKEN.substring(1), ""))).contains(" 401 ");
        assertThat(statusLine(get("/api/queries", "Cookie: queryadvisor-token-" + server.port() + "=wrong\r\n")))
                .contains(" 401 ");
        assertThat(statusLine(get("/", "Authorization: Basic " + TOKEN + "\r\n"))).contains(" 401 ");
    }

    @Test
    void answersTheTokenAsABearerToken() throws IOException {
        exposed(TOKEN);

        assertThat(statusLine(get("/api/queries", "Authorization: Bearer " + TOKEN + "\r\n"))).contains(" 200 ");
    }

    @Test
    void servesMetricsOnlyToAScrapeThatCarriesTheToken() throws IOException {
        exposed(TOKEN);

        assertThat(statusLine(get("/metrics", ""))).contains(" 401 ");
        assertThat(statusLine(get("/metrics", "Authorization: Bearer " + TOKEN + "\r\n"))).contains(" 200 ");
    }

    @Test
    void answersTheTokenInTheQueryAndSetsTheCookieThePageKeepsItIn() throws IOException {
        exposed(TOKEN);

        String response = get("/?token=" + TOKEN, "");

        assertThat(statusLine(response)).contains(" 200 ");
        assertThat(response).containsIgnoringCase("Set-Cookie: queryadvisor-token-" + server.port() + "=" + TOKEN + "; Path=/; HttpOnly; SameSite=Strict");
    }

    @Test
    void answersTheCookie() throws IOException {
        exposed(TOKEN);

        String response = get("/api/recommendations", "Cookie: theme=dark; queryadvisor-token-" + server.port() + "=" + TOKEN + "\r\n");

        assertThat(statusLine(response)).contains(" 200 ");
        assertThat(response).doesNotContainIgnoringCase("Set-Cookie");
    }

    @Test
    void makesUpAStrongTokenWhenNoneIsConfigured() throws IOException {
        DashboardServer dashboard = exposed(null);

        assertThat(dashboard.exposed()).isTrue();
        assertThat(dashboard.tokenGenerated()).isTrue();
        assertThat(dashboard.token()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(dashboard.accessUrl()).isEqualTo(dashboard.url() + "?token=" + dashboard.token());
        assertThat(statusLine(get("/api/queries", ""))).contains(" 401 ");
        assertThat(statusLine(get("/api/queries?token=" + dashboard.token(), ""))).contains(" 200 ");
    }

    @Test
    void asksNoTokenOnLoopbackUnlessOneIsConfigured() {
        try (DashboardServer loopback = DashboardServer.start(new DashboardConfig(true, "127.0.0.1", 0), advisor)) {
            assertThat(loopback.exposed()).isFalse();
            assertThat(loopback.token()).isNull();
            assertThat(loopback.accessUrl()).isEqualTo(loopback.url());
        }
        server = DashboardServer.start(new DashboardConfig(true, "127.0.0.1", 0, TOKEN), advisor);
        assertThat(server.tokenGenerated()).isFalse();
        assertThat(server.accessUrl()).doesNotContain(TOKEN);
    }

    /** The whole response to a GET of {@code pathAndQuery} with {@link #HOST} and {@code headers}, spoken by hand. */
    private String get(String pathAndQuery, String headers) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + HOST + "\r\n" + headers + "Connection: close\r\n\r\n")
                    .getBytes(US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), US_ASCII);
        }
    }

    private static String statusLine(String response) {
        return response.substring(0, Math.max(0, response.indexOf("\r\n")));
    }
}
