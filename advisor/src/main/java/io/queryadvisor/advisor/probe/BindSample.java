package io.queryadvisor.advisor.probe;

import java.util.List;

/**
 * The values one sampled execution bound, with the exact SQL text they go with (a fingerprint
 * groups texts that differ in literals or list lengths; values only fit their own text). Kept in
 * memory for EXPLAIN; {@link #toString()} never shows them.
 *
 * @param source the data source it ran on
 * @param sql    the statement as the application ran it
 * @param values the bound values by parameter index from 0; a value may be {@code null}
 */
public record BindSample(String source, String sql, List<Object> values) {

    public BindSample {
        values = BindValues.copyOf(values);
    }

    @Override
    public String toString() {
        return "BindSample[source=" + source + ", sql=" + sql + ", values=" + BindValues.describe(values) + "]";
    }
}
