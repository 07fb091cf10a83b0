package io.queryadvisor.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.report.ReportFormat;
import io.queryadvisor.dashboard.metrics.AdvisorPools;
import io.queryadvisor.dashboard.metrics.PoolSnapshots;
import io.queryadvisor.dashboard.metrics.PrometheusMetrics;

/**
 * The embedded dashboard: a page and a read-only JSON API over an {@link Advisor}, served by the
 * JDK's own HTTP server so that the agent carries no server library.
 *
 * <p>Bound to a loopback address it answers the local machine only (and checks the {@code Host}
 * header against DNS rebinding). Bound beyond loopback ({@link #exposed}), it answers only requests
 * that carry its {@link #token}: the configured one, else one made up at start. A configured token
 * is asked for on loopback too.
 *
 * <p>It runs on {@value ExchangeWorkers#THREADS} daemon threads of its own, with a deadline on
 * every request ({@link ExchangeWorkers}), and never keeps the JVM alive. The API is documented in
 * the module's README.
 */
public final class DashboardServer implements AutoCloseable {

    /** The worker threads that answer requests. */
    public static final int THREADS = ExchangeWorkers.THREADS;

    private final HttpServer server;
    private final ExchangeWorkers workers;
    private final boolean exposed;
    private final AccessToken token;
    private final boolean tokenGenerated;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DashboardServer(HttpServer server, ExchangeWorkers workers, boolean exposed, AccessToken token,
                            boolean tokenGenerated) {
        this.server = server;
        this.workers = workers;
        this.exposed = exposed;
        this.token = token;
        this.tokenGenerated = tokenGenerated;
    }

    /**
     * Starts serving {@code advisor} on {@code config}'s host and port (whatever {@code enabled} says:
     * that is the caller's decision).
     *
     * @throws DashboardPortUnavailableException when the address cannot be bound, typically a taken port
     * @throws ConfigurationException            when the host does not resolve
     */
    public static DashboardServer start(DashboardConfig config, Advisor advisor) {
        return start(config, advisor, new AdvisorPools(advisor));
    }

    /**
     * {@link #start(DashboardConfig, Advisor)}, with the connection pools {@code GET /metrics} exports
     * under {@code hikaricp.connections.*} read from {@code pools} on every scrape.
     */
    public static DashboardServer start(DashboardConfig config, Advisor advisor, PoolSnapshots pools) {
        return start(config, endpoints(advisor, pools), new ExchangeWorkers());
    }

    /** {@link #start(DashboardConfig, Advisor)} with the test's own endpoints and threads. */
    static DashboardServer start(DashboardConfig config, Map<String, Endpoint> endpoints, ExchangeWorkers workers) {
        try {
            return listen(config, endpoints, workers);
        } catch (RuntimeException | Error e) {
            workers.close();
            throw e;
        }
    }

    private static DashboardServer listen(DashboardConfig config, Map<String, Endpoint> endpoints,
                                          ExchangeWorkers workers) {
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        if (address.isUnresolved()) {
            throw new ConfigurationException("queryadvisor.dashboard.host: cannot resolve '" + config.host() + "'");
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (BindException e) {
            throw new DashboardPortUnavailableException(address, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Query Advisor dashboard cannot listen on " + address.getHostString()
                    + ":" + address.getPort() + ": " + e.getMessage(), e);
        }
        server.setExecutor(workers);
        boolean exposed = !address.getAddress().isLoopbackAddress();
        boolean generate = exposed && config.token() == null;
        String secret = generate ? AccessToken.generate() : config.token();
        AccessToken token = secret == null ? null : new AccessToken(secret, server.getAddress().getPort());
        DnsRebindingGuard guard = new DnsRebindingGuard(!exposed, config.host());
        server.createContext("/", new Router(endpoints, guard, token, workers));
        DashboardServer dashboard = new DashboardServer(server, workers, exposed, token, generate);
        dashboard.startOnDaemonThread();
        return dashboard;
    }

    /** The port listened on: the configured one, or the one picked for port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address listened on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * Whether it listens beyond loopback (on {@code 0.0.0.0}, or an address of a network
     * interface), where every machine that can reach it could read the application's SQL but for
     * the token.
     */
    public boolean exposed() {
        return exposed;
    }

    /** The token every request must carry, or {@code null} when none is asked for (loopback, none configured). */
    public String token() {
        return token == null ? null : token.value();
    }

    /** Whether {@link #token} was made up at start, so that only the start line can tell it. */
    public boolean tokenGenerated() {
        return tokenGenerated;
    }

    /**
     * The URL to open: {@link #url} with {@code ?token=} when the token was made up at start
     * (the one place it is ever shown), else {@link #url}.
     */
    public String accessUrl() {
        return tokenGenerated ? url() + "?" + AccessToken.PARAMETER + "=" + token.value() : url();
    }

    /** The page's URL, e.g. {@code http://127.0.0.1:7070/}. */
    public String url() {
        InetAddress bound = server.getAddress().getAddress();
        String host = bound.isAnyLocalAddress() ? "localhost"
                : bound instanceof Inet6Address ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
        return "http://" + host + ":" + port() + "/";
    }

    /** Stops listening at once and ends the dashboard's threads; further calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            workers.close();
        }
    }

    /** Queries and findings a list answers by default: more than a page shows, far less than memory allows. */
    static final int DEFAULT_QUERIES = 500;
    static final int DEFAULT_RECOMMENDATIONS = 200;
    static final int DEFAULT_ENDPOINTS = 200;

    /** A bad {@code limit} or {@code offset} is the client's error: 400, saying which. */
    private static Response paged(PagedAnswer answer) throws IOException {
        try {
            return answer.get();
        } catch (IllegalArgumentException e) {
            return Response.error(400, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface PagedAnswer {
        Response get() throws IOException;
    }

    private static Map<String, Endpoint> endpoints(Advisor advisor, PoolSnapshots pools) {
        Map<String, Endpoint> endpoints = new HashMap<>(StaticResources.endpoints());
        endpoints.put("/api/queries", parameters -> paged(() -> Response.json(
                QueriesPage.of(advisor.snapshot(), Page.of(parameters, DEFAULT_QUERIES)))));
        endpoints.put("/api/recommendations", parameters -> paged(() -> Response.json(
                Page.of(parameters, DEFAULT_RECOMMENDATIONS).of(advisor.recommendations()))));
        endpoints.put("/api/endpoints", parameters -> paged(() -> Response.json(
                EndpointsPage.of(advisor.snapshot(), Page.of(parameters, DEFAULT_ENDPOINTS)))));
        endpoints.put("/api/endpoints/{id}", parameters -> EndpointDetail.answer(advisor.snapshot(), parameters));
        endpoints.put("/api/rules", parameters -> Response.json(advisor.rules()));
        endpoints.put("/api/pools", parameters -> Response.json(advisor.pools()));
        endpoints.put("/api/report", new ReportEndpoint(advisor::report, ReportFormat::writer));
        endpoints.put("/metrics", new MetricsEndpoint(() -> PrometheusMetrics.of(advisor, pools)));
        return endpoints;
    }

    /**
     * The HTTP server's dispatcher thread inherits the daemon flag of the thread that calls
     * {@code start()}. Called from the application's main thread it would keep the JVM alive after
     * main returns, so one of our daemon threads calls it.
     */
    private void startOnDaemonThread() {
        try {
            CompletableFuture.runAsync(server::start, workers).get();
        } catch (ExecutionException e) {
            close();
            throw new IllegalStateException("Query Advisor dashboard failed to start", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Query Advisor dashboard start interrupted", e);
        }
    }
}
