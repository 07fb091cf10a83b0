package io.queryadvisor.advisor.endpoints;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.RequestCompleted;
import io.queryadvisor.advisor.capture.RequestInfo;

/**
 * Per-endpoint statistics: requests, statements and time in the database, per request too.
 *
 * <p>A request's statements are added up while it runs, by its id, and recorded into its
 * endpoint's per-request figures when its {@link RequestCompleted} arrives. Bounded: the endpoints
 * are the {@link EndpointCatalog}'s (every name beyond it is one {@link EndpointCatalog#OTHERS}), and
 * at most {@code maxOpenRequests} requests are added up at once; beyond it the oldest is dropped
 * and counted (its end event was lost, or it runs for ever). A request that ran no statement counts
 * only toward an endpoint already known, so static files and health checks add no endpoint.
 *
 * <p>Confined to the advisor's consumer thread.
 */
public final class EndpointStatistics implements CaptureListener {

    /** Statements and nanoseconds of one request still running. */
    private static final class OpenRequest {
        final String endpoint;
        long statements;
        long nanos;

        OpenRequest(String endpoint) {
            this.endpoint = endpoint;
        }
    }

    private final EndpointCatalog catalog;
    private final Map<String, EndpointAccumulator> byEndpoint = new HashMap<>();
    private final Map<Long, OpenRequest> open;
    private long requestsLost;

    /** @param catalog the names the statements' endpoints were resolved with */
    public EndpointStatistics(EndpointCatalog catalog, int maxOpenRequests) {
        this.catalog = catalog;
        this.open = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, OpenRequest> eldest) {
                if (size() > maxOpenRequests) {
                    requestsLost++;
                    return true;
                }
                return false;
            }
        };
    }

    @Override
    public void onEvent(CaptureEvent event) {
        if (event instanceof ObservedStatement s) {
            statement(s);
        } else if (event instanceof RequestCompleted c && c.request() != null) {
            requestEnded(c.request());
        }
    }

    private void statement(ObservedStatement s) {
        long nanos = Math.max(0, s.event().durationNanos());
        byEndpoint.computeIfAbsent(s.endpoint(), EndpointAccumulator::new).statement(nanos, s.event().failed());
        RequestInfo request = s.event().request();
        if (request != null) {
            OpenRequest r = open.computeIfAbsent(request.id(), id -> new OpenRequest(s.endpoint()));
            r.statements++;
            r.nanos += nanos;
        }
    }

    private void requestEnded(RequestInfo request) {
        OpenRequest r = open.remove(request.id());
        // filed under the name its statements had (the catalog's: maybe cut, or OTHERS); a request
        // without statements under its name if the catalog knows it, never adding one
        String name = r != null ? r.endpoint : catalog.find(request.endpoint());
        EndpointAccumulator endpoint = name == null ? null : byEndpoint.get(name);
        if (endpoint != null) {
            endpoint.requestEnded(r == null ? 0 : r.statements, r == null ? 0 : r.nanos);
        }
    }

    /** Every endpoint, most time in the database first. */
    public List<EndpointStats> snapshot() {
        List<EndpointStats> out = new ArrayList<>(byEndpoint.size());
        for (EndpointAccumulator acc : byEndpoint.values()) {
            out.add(acc.snapshot());
        }
        out.sort((a, b) -> a.totalMillis() != b.totalMillis() ? Double.compare(b.totalMillis(), a.totalMillis())
                : a.endpoint().compareTo(b.endpoint()));
        return out;
    }

    /** Requests whose statements were dropped from the per-request figures to stay bounded. */
    public long requestsLost() {
        return requestsLost;
    }
}
