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

import io.queryadvisor.advisor.faults.FaultInjection;
import io.queryadvisor.advisor.faults.FaultyStep;

/**
 * The dashboard's one HTTP handler: checks the request (its {@code Host}, its token), finds the
 * endpoint for the exact path and sends what it answers.
 *
 * <p>Runs inside the application's JVM, so nothing escapes it: whatever an endpoint throws, an
 * {@link Error} such as {@link OutOfMemoryError} included, becomes a 500 with a JSON error, and the
 * exchange is closed whatever happens. Its first failure is logged as a warning with the stack
 * trace; the page polls every few seconds, so repeats go to DEBUG rather than flood the
 * application's log.
 */
final class Router implements HttpHandler {

    private static final System.Logger LOG = System.getLogger("io.queryadvisor");

    /** The last segment of a path registered for any id. */
    static final String ID = "{id}";

    private final Map<String, Endpoint> endpoints;
    private final DnsRebindingGuard guard;
    private final AccessToken token;
    private final ExchangeWorkers workers;
    private final Set<String> failedPaths = ConcurrentHashMap.newKeySet();

    /** A router that asks for no token, on the server's own threads (tests). */
    Router(Map<String, Endpoint> endpoints, DnsRebindingGuard guard) {
        this(endpoints, guard, null, null);
    }

    /**
     * @param token   what every request must show, or {@code null} for none
     * @param workers the threads the exchanges run on, told when a request has been read; or {@code null}
     */
    Router(Map<String, Endpoint> endpoints, DnsRebindingGuard guard, AccessToken token, ExchangeWorkers workers) {
        this.endpoints = Map.copyOf(endpoints);
        this.guard = guard;
        this.token = token;
        this.workers = workers;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            if (workers != null) {
                workers.requestRead();
            }
            answer(exchange).send(exchange);
        } catch (IOException e) {
            // Most often the browser went away mid-response. Nothing can be told to it now.
            LOG.log(System.Logger.Level.DEBUG, "Query Advisor: dashboard response not sent", e);
        } catch (Throwable t) {
            // headers already sent, or no response could even be built: closing is all that is left
            logFailure(exchange.getRequestURI().getPath(), t);
        } finally {
            try {
                exchange.close();
            } catch (Throwable ignored) {
                // the connection is gone either way
            }
        }
    }

    /** The response to send; a 500 if making it failed in any way. */
    private Response answer(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        try {
            return respond(exchange, path);
        } catch (Throwable t) {
            logFailure(path, t);
            return Response.serverError(path, t);
        }
    }

    private Response respond(HttpExchange exchange, String path) throws IOException {
        if (!guard.allows(exchange.getRequestHeaders().getFirst("Host"))) {
            return Response.error(403, "this dashboard answers only requests addressed to localhost");
        }
        Map<String, String> parameters;
        try {
            parameters = parameters(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            return Response.error(400, "malformed query string: " + e.getMessage());
        }
        AccessToken.Presented presented = null;
        if (token != null) {
            presented = token.presentedIn(exchange.getRequestHeaders(), parameters);
            if (presented == null) {
                return Response.error(401, "this dashboard needs its token: open the link the agent printed at start"
                        + " (…/?token=…) or send Authorization: Bearer <token>")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"Query Advisor\"");
            }
            parameters.remove(AccessToken.PARAMETER);
        }
        Endpoint endpoint = endpoint(path, parameters);
        if (endpoint == null) {
            return Response.error(404, "no such resource: " + path);
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Response.error(405, method + " is not supported: the dashboard is read-only")
                    .withHeader("Allow", "GET, HEAD");
        }
        if (FaultInjection.ARMED) {
            FaultInjection.at(FaultyStep.DASHBOARD, path);
        }
        Response response = endpoint.get(parameters);
        // the link with ?token= opened the page: from now on the page's own requests carry the cookie
        return presented == AccessToken.Presented.QUERY_PARAMETER ? response.withHeader("Set-Cookie", token.cookie()) : response;
    }

    /**
     * The endpoint for the exact path, else the one registered for its parent with a last segment
     * of {@value #ID}, which then gets that segment as its {@code id} parameter
     * ({@code /api/endpoints/3f2a...} answers as {@code /api/endpoints/{id}}).
     */
    private Endpoint endpoint(String path, Map<String, String> parameters) {
        Endpoint exact = endpoints.get(path);
        int slash = path.lastIndexOf('/');
        if (exact != null || slash <= 0 || slash == path.length() - 1) {
            return exact;
        }
        Endpoint byId = endpoints.get(path.substring(0, slash + 1) + ID);
        if (byId != null) {
            parameters.put("id", path.substring(slash + 1));
        }
        return byId;
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
        try {
            if (failedPaths.add(path)) {
                LOG.log(System.Logger.Level.WARNING, "Query Advisor: dashboard failed to answer " + path
                        + "; later failures of it are logged at DEBUG", e);
            } else {
                LOG.log(System.Logger.Level.DEBUG, "Query Advisor: dashboard failed to answer " + path, e);
            }
        } catch (Throwable ignored) {
            // logging itself failed (out of memory?): the 500 says enough
        }
    }
}
