package io.queryadvisor.advisor.report;

import java.util.List;

import io.queryadvisor.advisor.endpoints.EndpointStats;
import io.queryadvisor.advisor.pool.PoolSummary;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.stats.CaptureHealth;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * Everything the advisor knows at one moment, in the shape every report format renders.
 * The JSON report is this record serialised; its shape is documented in docs/REPORT-FORMAT.md.
 */
public record Report(String generatedAt, ApplicationInfo application, List<QueryStats> queries,
                     List<EndpointStats> endpoints, List<PoolSummary> pools, List<Recommendation> recommendations,
                     CaptureHealth capture) {

    public Report {
        queries = List.copyOf(queries);
        // absent from a report written before endpoints, or pools, were recorded
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        pools = pools == null ? List.of() : List.copyOf(pools);
        recommendations = List.copyOf(recommendations);
    }

    /** A report without pools. */
    public Report(String generatedAt, ApplicationInfo application, List<QueryStats> queries,
                  List<EndpointStats> endpoints, List<Recommendation> recommendations, CaptureHealth capture) {
        this(generatedAt, application, queries, endpoints, List.of(), recommendations, capture);
    }

    /** A report without endpoint statistics nor pools. */
    public Report(String generatedAt, ApplicationInfo application, List<QueryStats> queries,
                  List<Recommendation> recommendations, CaptureHealth capture) {
        this(generatedAt, application, queries, List.of(), List.of(), recommendations, capture);
    }
}
