package io.queryadvisor.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.RequestCompleted;
import io.queryadvisor.advisor.capture.RequestInfo;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.report.Json;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.dashboard.metrics.PoolSnapshots;

/** A real advisor behind a dashboard on an ephemeral loopback port, and a client to ask it. */
final class RunningDashboard implements AutoCloseable {

    private static final DashboardConfig EPHEMERAL = new DashboardConfig(true, DashboardConfig.DEFAULT_HOST, 0);

    final Advisor advisor;
    final DashboardServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private long clock = System.nanoTime();

    RunningDashboard() {
        this(EPHEMERAL);
    }

    RunningDashboard(DashboardConfig config) {
        this(config, PoolSnapshots.NONE);
    }

    /** A dashboard started as the agent starts it: {@code /metrics} exports the advisor's own sampled pools. */
    static RunningDashboard withTheAdvisorsPools() {
        return new RunningDashboard(EPHEMERAL, null);
    }

    /** A dashboard whose {@code /metrics} exports the pools {@code pools} lists. */
    RunningDashboard(PoolSnapshots pools) {
        this(EPHEMERAL, pools);
    }

    /** A dashboard in front of an advisor configured by {@code settings}. */
    RunningDashboard(Settings settings) {
        this(settings, List.of());
    }

    /** A dashboard in front of an advisor configured by {@code settings}, running {@code extraRules} too. */
    RunningDashboard(Settings settings, List<Rule> extraRules) {
        this(EPHEMERAL, PoolSnapshots.NONE, AdvisorConfig.from(settings), extraRules);
    }

    private RunningDashboard(DashboardConfig config, PoolSnapshots pools) {
        this(config, pools, AdvisorConfig.defaults(), List.of());
    }

    private RunningDashboard(DashboardConfig config, PoolSnapshots pools, AdvisorConfig advisorConfig,
                             List<Rule> extraRules) {
        this.advisor = Advisor.start(advisorConfig, List.of(), extraRules);
        DashboardServer started = null;
        try {
            started = pools == null ? DashboardServer.start(config, advisor) : DashboardServer.start(config, advisor, pools);
        } finally {
            if (started == null) {
                advisor.close();
            }
        }
        this.server = started;
    }

    /** Feeds one execution of {@code sql} that took {@code millis}, issued from {@code callSite}. */
    RunningDashboard executed(String sql, long millis, CallSite callSite) {
        return offer(statement(sql, millis, callSite, null));
    }

    /** Feeds one execution of {@code sql} that took {@code millis}, inside {@code request}. */
    RunningDashboard executedIn(RequestInfo request, String sql, long millis) {
        return offer(statement(sql, millis, null, request));
    }

    /** Feeds the end of {@code request}. */
    RunningDashboard completed(RequestInfo request) {
        clock += 1_000_000;
        return offer(new RequestCompleted(request, clock, 1_000_000));
    }

    private StatementExecuted statement(String sql, long millis, CallSite callSite, RequestInfo request) {
        clock += 1_000_000;
        return new StatementExecuted(sql, StatementKind.QUERY, 1, 0, 0, clock,
                millis * 1_000_000, 1, null, 1, 0, 1, "main", callSite, 0, List.of(), request, "test-pool", null);
    }

    private RunningDashboard offer(CaptureEvent event) {
        if (!advisor.buffer().offer(event)) {
            throw new IllegalStateException("capture buffer full");
        }
        return this;
    }

    /** Waits until the advisor has processed everything fed so far. */
    RunningDashboard processed() {
        return processed(Duration.ofSeconds(5));
    }

    /** Waits until the advisor has processed everything fed so far, for at most {@code guard} (a hang, not a speed). */
    RunningDashboard processed(Duration guard) {
        if (!advisor.awaitIdle(guard)) {
            throw new IllegalStateException("advisor did not process the events within " + guard);
        }
        return this;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    HttpResponse<String> request(String method, String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** The body of a GET that must answer 200, parsed. */
    JsonNode getJson(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create(server.url()).resolve(pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        advisor.close();
    }
}
