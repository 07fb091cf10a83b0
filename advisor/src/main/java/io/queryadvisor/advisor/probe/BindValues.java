package io.queryadvisor.advisor.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bound values as the probe keeps them: an unmodifiable copy (a value may be {@code null}, as a
 * bound SQL NULL is), and a description that never shows them. Bind values are application data:
 * they are kept in memory for EXPLAIN, and never logged, exported or shown.
 */
final class BindValues {

    private BindValues() {
    }

    static List<Object> copyOf(List<?> values) {
        return values == null || values.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** What {@code toString} says of values: how many, never what. */
    static String describe(List<Object> values) {
        return values.size() + (values.size() == 1 ? " value" : " values") + " (not shown)";
    }
}
