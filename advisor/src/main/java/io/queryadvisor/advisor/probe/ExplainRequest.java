package io.queryadvisor.advisor.probe;

import java.util.List;

/**
 * Asks for the plan of one statement: EXPLAIN only, never EXPLAIN ANALYZE, so the statement itself
 * never runs. With bind values (a {@link BindSample}) the plan is the one the database makes for
 * those values; without, on PostgreSQL, its generic plan.
 *
 * @param sql   the statement as the application ran it, JDBC {@code ?} placeholders and all
 * @param binds the values for its placeholders (index 0 for parameter 1), or empty for none
 */
public record ExplainRequest(String requester, String key, String source, String sql, List<Object> binds)
        implements ProbeRequest {

    public ExplainRequest {
        binds = BindValues.copyOf(binds);
    }

    /** The plan for the values of one sampled execution. */
    public static ExplainRequest of(String requester, String key, BindSample sample) {
        return new ExplainRequest(requester, key, sample.source(), sample.sql(), sample.values());
    }

    /** The plan without values: the generic plan where the statement has placeholders. */
    public static ExplainRequest withoutValues(String requester, String key, String source, String sql) {
        return new ExplainRequest(requester, key, source, sql, List.of());
    }

    @Override
    public String toString() {
        return "ExplainRequest[requester=" + requester + ", key=" + key + ", source=" + source + ", sql=" + sql
                + ", binds=" + BindValues.describe(binds) + "]";
    }
}
