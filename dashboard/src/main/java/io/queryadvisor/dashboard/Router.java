package io.queryadvisor.dashboard;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The dashboard's one HTTP handler: checks the request, finds the endpoint for the exact path and
 * sends what it answers.
 *
 * <p>Runs inside the application's JVM, so nothing escapes it: a failing endpoint becomes a 500
 * with a JSON error. Its first failure is logged as a warning with the stack trace; the page polls
 * every few seconds, so repeats go to DEBUG rather than flood the application's log.
 */
final class Router implements HttpHandler {

    private static final System.Logger LOG = System.getLogger("io.queryadvisor");

    private final Map<String, Endpoint> endpoints;
    private final DnsRebindingGuard guard;
    private final Set<String> failedPaths = ConcurrentHashMap.newKeySet();

    Router(Map<String, Endpoint> endpoints, DnsRebindingGuard guard) {
        this.endpoints = Map.copyOf(endpoints);
        this.guard = guard;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            respond(exchange).send(exchange);
        } catch (IOException e) {
            // Most often the browser went away mid-response. Nothing can be told to it now.
            LOG.log(System.Logger.Level.DEBUG, "Query Advisor: dashboard response not sent", e);
        } catch (RuntimeException e) {
            logFailure(exchange.getRequestURI().getPath(), e);
        } finally {
            exchange.close();
        }
    }

    private Response respond(HttpExchange exchange) {
        if (!guard.allows(exchange.getRequestHeaders().getFirst("Host"))) {
            return Response.error(403, "this dashboard answers only requests addressed to localhost");
        }
        String path = exchange.getRequestURI().getPath();
        Endpoint endpoint = endpoints.get(path);
        if (endpoint == null) {
            return Response.error(404, "no such resource: " + path);
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Response.error(405, method + " is not supported: the dashboard is read-only")
                    .withHeader("Allow", "GET, HEAD");
        }
        Map<String, String> parameters;
        try {
            parameters = parameters(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            return Response.error(400, "malformed query string: " + e.getMessage());
        }
        try {
            return endpoint.get(parameters);
        } catch (Exception | LinkageError e) {
            logFailure(path, e);
            return Response.error(500, "the dashboard failed to answer " + path + " ("
                    + e.getClass().getSimpleName() + "); see the application's log");
        }
    }

    /** Decoded query parameters; the first value of a repeated name wins. */
    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!name.isEmpty()) {
                parameters.putIfAbsent(name, value);
            }
        }
        return parameters;
    }

    private void logFailure(String path, Throwable e) {
        if (failedPaths.add(path)) {
            LOG.log(System.Logger.Level.WARNING, "Query Advisor: dashboard failed to answer " + path
                    + "; later failures of it are logged at DEBUG", e);
        } else {
            LOG.log(System.Logger.Level.DEBUG, "Query Advisor: dashboard failed to answer " + path, e);
        }
    }
}
