package io.queryadvisor.advisor.endpoints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.stats.EndpointCount;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * One query as one endpoint ran it: its executions and time for that endpoint only. Read from the
 * queries' own endpoint lists, so an endpoint that is not among a query's ten most frequent shows
 * that query under {@link EndpointCount#OTHERS} only.
 *
 * @param fingerprintId the query's id
 * @param fingerprint   its normalised SQL
 * @param type          SELECT, INSERT...
 * @param count         executions for this endpoint
 * @param totalMillis   their time in the database
 */
public record EndpointQuery(String fingerprintId, String fingerprint, StatementType type, long count,
                            double totalMillis) {

    /** The queries {@code endpoint} ran, most time first. */
    public static List<EndpointQuery> of(String endpoint, List<QueryStats> queries) {
        List<EndpointQuery> out = new ArrayList<>();
        for (QueryStats q : queries) {
            for (EndpointCount e : q.endpoints()) {
                if (e.endpoint().equals(endpoint)) {
                    out.add(new EndpointQuery(q.fingerprintId(), q.fingerprint(), q.type(), e.count(), e.totalMillis()));
                }
            }
        }
        out.sort(Comparator.comparingDouble(EndpointQuery::totalMillis).reversed()
                .thenComparing(EndpointQuery::fingerprintId));
        return out;
    }
}
