package io.queryadvisor.dashboard;

import java.util.List;
import java.util.Map;

/**
 * Which part of a long list a request asks for ({@code ?limit=&offset=}). Lists are capped by
 * default, so that no answer grows with the workload: a client that wants more pages through them.
 *
 * @param limit  items at most
 * @param offset items skipped first
 */
record Page(int limit, int offset) {

    static final int MAX_LIMIT = 5_000;

    /** The page {@code parameters} ask for, {@code defaultLimit} items from the start if they do not say. */
    static Page of(Map<String, String> parameters, int defaultLimit) {
        return new Page(number(parameters, "limit", defaultLimit, 1, MAX_LIMIT),
                number(parameters, "offset", 0, 0, Integer.MAX_VALUE));
    }

    <T> List<T> of(List<T> all) {
        int from = (int) Math.min(all.size(), (long) offset);
        int to = (int) Math.min(all.size(), (long) from + limit);
        return all.subList(from, to);
    }

    private static int number(Map<String, String> parameters, String name, int defaultValue, int min, int max) {
        String value = parameters.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not '"
                + value + "'");
    }
}
