package io.queryadvisor.advisor.stats;

import java.util.List;

import io.queryadvisor.advisor.fingerprint.StatementType;

/**
 * Everything measured about one fingerprint: a snapshot, safe to share and serialise.
 * Times are in milliseconds; percentiles come from an HDR histogram (2 significant digits).
 * {@code endpoints} are those that ran it, most executions first, at most 10 and the rest together.
 */
public record QueryStats(
        String fingerprintId,
        String fingerprint,
        StatementType type,
        long count,
        long errors,
        double totalMillis,
        double meanMillis,
        double p50Millis,
        double p95Millis,
        double p99Millis,
        double maxMillis,
        long rows,
        long batchedStatements,
        List<CallSiteCount> callSites,
        List<EndpointCount> endpoints,
        long firstSeenEpochMillis,
        long lastSeenEpochMillis) {

    public QueryStats {
        callSites = List.copyOf(callSites);
        // absent from a report written before endpoints were recorded
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }
}
