package io.queryadvisor.advisor.stats;

import java.util.List;

/** The statistics of every tracked fingerprint at one moment, with the capture's health. */
public record WorkloadSnapshot(long takenAtEpochMillis, List<QueryStats> queries, CaptureHealth health) {

    public WorkloadSnapshot {
        queries = List.copyOf(queries);
    }
}
