package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** How the router survives failing endpoints, on a bare server with endpoints of the test's own. */
class RouterTest {

    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        Map<String, Endpoint> endpoints = Map.of(
                "/fails", parameters -> {
                    throw new IllegalStateException("endpoint bug");
                },
                "/works", parameters -> Response.json(List.of("fine")),
                "/out-of-memory", parameters -> {
                    throw new OutOfMemoryError("simulated: Java heap space");
                },
                "/overflow", parameters -> {
                    throw new StackOverflowError();
                },
                "/echo", parameters -> Response.json(parameters));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", new Router(endpoints, new DnsRebindingGuard(true, "127.0.0.1")));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void turnsEndpointFailureIntoServerError() throws Exception {
        HttpResponse<String> response = get("/fails");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(RunningDashboard.parse(response.body()).get("error").asText())
                .contains("/fails").contains("IllegalStateException");
    }

    @Test
    void turnsAnErrorIntoServerErrorToo() throws Exception {
        for (String path : List.of("/out-of-memory", "/overflow")) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(500);
            assertThat(RunningDashboard.parse(response.body()).get("error").asText()).as(path).contains(path);
        }
        assertThat(get("/works").statusCode()).isEqualTo(200);
    }

    @Test
    void keepsServingAfterAnEndpointFails() throws Exception {
        get("/fails");
        get("/fails");

        assertThat(get("/works").statusCode()).isEqualTo(200);
    }

    @Test
    void passesDecodedQueryParametersToTheEndpoint() throws Exception {
        HttpResponse<String> response = get("/echo?format=md&title=a%20b%26c");

        assertThat(RunningDashboard.parse(response.body()).get("format").asText()).isEqualTo("md");
        assertThat(RunningDashboard.parse(response.body()).get("title").asText()).isEqualTo("a b&c");
    }

    @Test
    void keepsTheFirstValueOfARepeatedParameter() {
        assertThat(Router.parameters("format=md&format=html")).containsEntry("format", "md");
    }

    @Test
    void rejectsMalformedPercentEncoding() {
        assertThatThrownBy(() -> Router.parameters("format=%zz")).isInstanceOf(IllegalArgumentException.class);
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
