package io.queryadvisor.advisor.stats;

import java.util.List;

import io.queryadvisor.advisor.endpoints.EndpointStats;

/**
 * The statistics of every tracked fingerprint and of every endpoint at one moment, with the
 * capture's health.
 */
public record WorkloadSnapshot(long takenAtEpochMillis, List<QueryStats> queries, List<EndpointStats> endpoints,
                               CaptureHealth health) {

    public WorkloadSnapshot {
        queries = List.copyOf(queries);
        // absent from a report written before endpoints were recorded
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    /** A snapshot without endpoint statistics (rule tests, tools that feed queries only). */
    public WorkloadSnapshot(long takenAtEpochMillis, List<QueryStats> queries, CaptureHealth health) {
        this(takenAtEpochMillis, queries, List.of(), health);
    }
}
