package io.queryadvisor.advisor.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * How many executions of one query ran for one endpoint, and the time they took.
 *
 * @param endpoint    {@code GET /orders/{id}}, {@code no request: scheduling-*}, or {@link #OTHERS}
 * @param count       executions
 * @param totalMillis their time in the database
 */
public record EndpointCount(String endpoint, long count, double totalMillis) {

    /** Stands for the endpoints beyond those a bounded list shows, counted together. */
    public static final String OTHERS = "(other endpoints)";

    /** {@code GET /orders (12), no request: scheduling-* (3), others (2)}: the first {@code max} and the rest. */
    public static String describe(List<EndpointCount> endpoints, int max) {
        List<String> parts = new ArrayList<>();
        long others = 0;
        for (EndpointCount e : endpoints) {
            if (parts.size() < max && !e.endpoint().equals(OTHERS)) {
                parts.add(e.endpoint() + " (" + e.count() + ")");
            } else {
                others += e.count();
            }
        }
        if (others > 0) {
            parts.add("others (" + others + ")");
        }
        return String.join(", ", parts);
    }
}
