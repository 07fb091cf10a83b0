package io.queryadvisor.dashboard;

import java.util.List;

import io.queryadvisor.advisor.endpoints.EndpointStats;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;

/**
 * {@code GET /api/endpoints}: one page of the endpoints, most time in the database first.
 *
 * @param total  endpoints in the whole snapshot
 * @param offset endpoints skipped before this page
 * @param limit  the page's size at most
 */
record EndpointsPage(long takenAtEpochMillis, int total, int offset, int limit, List<EndpointStats> endpoints) {

    static EndpointsPage of(WorkloadSnapshot snapshot, Page page) {
        return new EndpointsPage(snapshot.takenAtEpochMillis(), snapshot.endpoints().size(), page.offset(),
                page.limit(), page.of(snapshot.endpoints()));
    }
}
