package io.queryadvisor.dashboard;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every path and method is answered, through the real server. */
class RoutingTest {

    private final RunningDashboard dashboard = new RunningDashboard();

    @AfterEach
    void close() {
        dashboard.close();
    }

    @Test
    void answersNotFoundForUnknownPath() {
        HttpResponse<String> response = dashboard.get("/api/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(RunningDashboard.parse(response.body()).get("error").asText()).contains("/api/nothing-here");
    }

    @Test
    void refusesPostWithMethodNotAllowed() {
        HttpResponse<String> response = dashboard.request("POST", "/api/queries");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(RunningDashboard.parse(response.body()).get("error").asText()).contains("POST");
    }

    @Test
    void refusesDeleteWithMethodNotAllowed() {
        assertThat(dashboard.request("DELETE", "/").statusCode()).isEqualTo(405);
    }

    @Test
    void answersHeadWithHeadersOnly() {
        HttpResponse<String> response = dashboard.request("HEAD", "/api/queries");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void forbidsCachingAndSniffingOnEveryResponse() {
        for (String path : new String[] {"/", "/app.js", "/api/queries", "/api/recommendations", "/missing"}) {
            HttpResponse<String> response = dashboard.get(path);

            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
    }

    @Test
    void refusesRequestsAddressedToAnotherHost() throws IOException {
        // What a DNS-rebinding page would send: our address, its name.
        assertThat(statusLine("evil.example:" + dashboard.server.port())).contains(" 403 ");
    }

    @Test
    void answersRequestsAddressedToLocalhost() throws IOException {
        assertThat(statusLine("localhost:" + dashboard.server.port())).contains(" 200 ");
    }

    /** The HTTP client will not send a Host header of our choosing, so speak HTTP/1.1 by hand. */
    private String statusLine(String hostHeader) throws IOException {
        try (Socket socket = new Socket(dashboard.server.address().getAddress(), dashboard.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/queries HTTP/1.1\r\nHost: " + hostHeader + "\r\nConnection: close\r\n\r\n")
                    .getBytes(US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), US_ASCII);
            return response.substring(0, Math.max(0, response.indexOf("\r\n")));
        }
    }
}
