package io.queryadvisor.advisor.probe;

import java.util.List;

/**
 * Asks what an index would change, without building it: the plan of {@code sql} as it is, and
 * again with {@code createIndexSql} made hypothetical (PostgreSQL with the hypopg extension).
 *
 * @param sql            the statement, JDBC {@code ?} placeholders and all
 * @param binds          the values for its placeholders, or empty for the generic plan
 * @param createIndexSql one {@code CREATE INDEX} statement, e.g. {@code CREATE INDEX ON orders (customer_id)}
 */
public record HypotheticalIndexRequest(String requester, String key, String source, String sql, List<Object> binds,
                                       String createIndexSql) implements ProbeRequest {

    public HypotheticalIndexRequest {
        binds = BindValues.copyOf(binds);
    }

    @Override
    public String toString() {
        return "HypotheticalIndexRequest[requester=" + requester + ", key=" + key + ", source=" + source + ", sql="
                + sql + ", binds=" + BindValues.describe(binds) + ", createIndexSql=" + createIndexSql + "]";
    }
}
