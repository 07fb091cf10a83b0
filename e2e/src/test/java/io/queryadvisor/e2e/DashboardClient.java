package io.queryadvisor.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a child's dashboard API, found through the one line the agent prints at start. */
final class DashboardClient {

    /** The agent's start line, exactly as it promises to print it. */
    static final Pattern BANNER = Pattern.compile("\\[query-advisor] dashboard: http://127\\.0\\.0\\.1:(\\d+)/");

    private static final ObjectMapper JSON = new ObjectMapper();
    // Each snapshot is cheap to take; polling this often keeps the wait close to the processing time.
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DashboardClient(URI base) {
        this.base = base;
    }

    /** A client for the dashboard the banner line announces. */
    static DashboardClient fromBanner(String bannerLine) {
        Matcher m = BANNER.matcher(bannerLine.trim());
        if (!m.matches()) {
            throw new AssertionError("Not the agent's dashboard line: '" + bannerLine + "'");
        }
        return new DashboardClient(URI.create("http://127.0.0.1:" + m.group(1) + "/"));
    }

    /** {@code GET /api/queries}. */
    JsonNode queries() throws IOException, InterruptedException {
        return JSON.readTree(get("api/queries").body());
    }

    /** A GET of {@code path} (relative to the dashboard's root) that must answer 200. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    /**
     * Polls {@code /api/queries} until {@code ready} holds or {@code timeout} passes, and returns the
     * last snapshot either way: the caller's assertions then say what is missing.
     */
    JsonNode awaitQueries(Predicate<JsonNode> ready, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode snapshot = queries();
        while (!ready.test(snapshot) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_INTERVAL.toMillis());
            snapshot = queries();
        }
        return snapshot;
    }

    static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            return node.toString();
        }
    }
}
