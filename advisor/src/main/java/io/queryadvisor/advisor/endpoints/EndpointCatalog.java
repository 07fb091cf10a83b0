package io.queryadvisor.advisor.endpoints;

import java.util.HashMap;
import java.util.Map;

import io.queryadvisor.advisor.capture.EndpointName;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.stats.EndpointCount;

/**
 * The endpoints the advisor names, bounded: the first {@code maxEndpoints} distinct names are kept
 * (each cut at {@value #MAX_NAME_CHARS} characters), every later one is {@link #OTHERS}. Every
 * statement's endpoint is resolved here once, so the per-query and per-endpoint statistics share
 * one instance per name and never hold more names than this catalog does, whatever the URLs.
 *
 * <p>Confined to the advisor's consumer thread.
 */
public final class EndpointCatalog {

    /** Stands for every endpoint beyond the catalog's bound. */
    public static final String OTHERS = EndpointCount.OTHERS;

    static final int MAX_NAME_CHARS = 200;

    /** Thread names whose no-request name is remembered; the map is emptied when it reaches this. */
    private static final int MAX_THREAD_NAMES = 1_024;

    private final int maxEndpoints;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> byThreadName = new HashMap<>();
    private long overflowed;

    public EndpointCatalog(int maxEndpoints) {
        if (maxEndpoints < 1) {
            throw new IllegalArgumentException("maxEndpoints must be at least 1");
        }
        this.maxEndpoints = maxEndpoints;
    }

    /** The endpoint of {@code e}, as {@link EndpointName} names it, in its one shared instance. */
    public String endpointOf(StatementExecuted e) {
        if (e.request() != null) {
            return canonical(e.request().endpoint());
        }
        // Thread names repeat for every statement of a scheduler or a pool: name each one once.
        String threadName = e.threadName() == null ? "" : e.threadName();
        String name = byThreadName.get(threadName);
        if (name == null) {
            if (byThreadName.size() >= MAX_THREAD_NAMES) {
                byThreadName.clear();
            }
            name = canonical(EndpointName.outsideRequests(threadName));
            byThreadName.put(threadName, name);
        }
        return name;
    }

    /** The shared instance of {@code endpoint}, or {@link #OTHERS} once the catalog is full. */
    public String canonical(String endpoint) {
        String name = endpoint == null ? "?" : endpoint;
        String known = names.get(name);
        if (known != null) {
            return known;
        }
        String cut = name.length() > MAX_NAME_CHARS ? cut(name) : name;
        known = names.get(cut);
        if (known != null) {
            return known;
        }
        if (names.size() >= maxEndpoints) {
            overflowed++;
            return OTHERS;
        }
        names.put(cut, cut);
        return cut;
    }

    /** The shared instance of {@code endpoint} if it has been named, else {@code null}; adds nothing. */
    public String find(String endpoint) {
        if (endpoint == null) {
            return null;
        }
        String known = names.get(endpoint);
        return known != null || endpoint.length() <= MAX_NAME_CHARS ? known : names.get(cut(endpoint));
    }

    private static String cut(String name) {
        return name.substring(0, MAX_NAME_CHARS) + "…";
    }

    /** Distinct endpoints named. */
    public int size() {
        return names.size();
    }

    /** Lookups of a new endpoint that found the catalog full. */
    public long overflowed() {
        return overflowed;
    }
}
