package io.queryadvisor.dashboard;

import java.util.List;

import io.queryadvisor.advisor.stats.CaptureHealth;
import io.queryadvisor.advisor.stats.QueryStats;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;

/**
 * {@code GET /api/queries}: one page of the workload snapshot, largest total time first.
 *
 * @param total  queries in the whole snapshot
 * @param offset queries skipped before this page
 * @param limit  the page's size at most
 */
record QueriesPage(long takenAtEpochMillis, int total, int offset, int limit, List<QueryStats> queries,
                   CaptureHealth health) {

    static QueriesPage of(WorkloadSnapshot snapshot, Page page) {
        return new QueriesPage(snapshot.takenAtEpochMillis(), snapshot.queries().size(), page.offset(), page.limit(),
                page.of(snapshot.queries()), snapshot.health());
    }
}
