package io.queryadvisor.dashboard;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.endpoints.EndpointQuery;
import io.queryadvisor.advisor.endpoints.EndpointStats;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;

/**
 * {@code GET /api/endpoints/{id}}: one endpoint's figures and the queries it ran, most time first.
 * An unknown id is a 404: the endpoint may have been named in an earlier run.
 */
record EndpointDetail(long takenAtEpochMillis, EndpointStats endpoint, List<EndpointQuery> queries) {

    static Response answer(WorkloadSnapshot snapshot, Map<String, String> parameters) throws IOException {
        String id = parameters.get("id");
        for (EndpointStats e : snapshot.endpoints()) {
            if (e.id().equals(id)) {
                return Response.json(new EndpointDetail(snapshot.takenAtEpochMillis(), e,
                        EndpointQuery.of(e.endpoint(), snapshot.queries())));
            }
        }
        return Response.error(404, "no such endpoint: " + id);
    }
}
