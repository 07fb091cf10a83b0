package io.queryadvisor.samples.springshop.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls the shop's REST endpoints over HTTP, as a browser or another service would: the requests
 * go through Tomcat, Spring MVC and the whole stack, so every statement runs on a request thread.
 * Thread-safe; one client serves all traffic threads.
 */
public final class ShopClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int ERROR_BODY_CHARACTERS = 300;

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public ShopClient(URI base) {
        this.base = base;
        // HTTP/1.1: Tomcat speaks no cleartext HTTP/2 here, and an upgrade attempt would cost a round trip.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    /** The base address, e.g. {@code http://localhost:8080}. */
    public URI base() {
        return base;
    }

    /** {@code GET path} (with its query), expecting 200 and a JSON body. */
    public JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET(), "GET " + pathAndQuery);
    }

    /** {@code POST path} with {@code body} as JSON, expecting 200 and a JSON body. */
    public JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher content = HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json").POST(content), "POST " + path);
    }

    /** A query parameter's value, URL-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode send(HttpRequest.Builder request, String call) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(TIMEOUT).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            String body = response.body();
            throw new IOException(call + " answered " + response.statusCode() + ": "
                    + (body.length() > ERROR_BODY_CHARACTERS ? body.substring(0, ERROR_BODY_CHARACTERS) + "..." : body));
        }
        return json.readTree(response.body());
    }
}
