package io.queryadvisor.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.report.ReportFormat;

/**
 * The embedded dashboard: a page and a read-only JSON API over an {@link Advisor}, served by the
 * JDK's own HTTP server so that the agent carries no server library.
 *
 * <p>It runs on {@value #THREADS} daemon threads of its own and never keeps the JVM alive. The API
 * is documented in the module's README.
 */
public final class DashboardServer implements AutoCloseable {

    private static final int THREADS = 2;

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DashboardServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving {@code advisor} on {@code config}'s host and port (whatever {@code enabled} says:
     * that is the caller's decision).
     *
     * @throws DashboardPortUnavailableException when the address cannot be bound, typically a taken port
     * @throws ConfigurationException            when the host does not resolve
     */
    public static DashboardServer start(DashboardConfig config, Advisor advisor) {
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
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        DnsRebindingGuard guard = new DnsRebindingGuard(address.getAddress().isLoopbackAddress(), config.host());
        server.createContext("/", new Router(endpoints(advisor), guard));
        DashboardServer dashboard = new DashboardServer(server, executor);
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

    /** The page's URL, e.g. {@code http://127.0.0.1:7070/}, as the agent prints it. */
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
            executor.shutdownNow();
        }
    }

    /** Queries and findings a list answers by default: more than a page shows, far less than memory allows. */
    static final int DEFAULT_QUERIES = 500;
    static final int DEFAULT_RECOMMENDATIONS = 200;

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

    private static Map<String, Endpoint> endpoints(Advisor advisor) {
        Map<String, Endpoint> endpoints = new HashMap<>(StaticResources.endpoints());
        endpoints.put("/api/queries", parameters -> paged(() -> Response.json(
                QueriesPage.of(advisor.snapshot(), Page.of(parameters, DEFAULT_QUERIES)))));
        endpoints.put("/api/recommendations", parameters -> paged(() -> Response.json(
                Page.of(parameters, DEFAULT_RECOMMENDATIONS).of(advisor.recommendations()))));
        endpoints.put("/api/rules", parameters -> Response.json(advisor.rules()));
        endpoints.put("/api/report", new ReportEndpoint(advisor::report, ReportFormat::writer));
        return endpoints;
    }

    /**
     * The HTTP server's dispatcher thread inherits the daemon flag of the thread that calls
     * {@code start()}. Called from the application's main thread it would keep the JVM alive after
     * main returns, so one of our daemon threads calls it.
     */
    private void startOnDaemonThread() {
        try {
            executor.submit(server::start).get();
        } catch (ExecutionException e) {
            close();
            throw new IllegalStateException("Query Advisor dashboard failed to start", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Query Advisor dashboard start interrupted", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "query-advisor-dashboard-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
