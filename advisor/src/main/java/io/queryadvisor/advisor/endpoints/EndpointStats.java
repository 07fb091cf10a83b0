package io.queryadvisor.advisor.endpoints;

/**
 * What one endpoint asked of the database: a snapshot, safe to share and serialise. Times are in
 * milliseconds; the per-request percentiles come from HDR histograms (2 significant digits) and
 * are 0 for statements outside any request, which have no requests to divide by.
 *
 * @param id                      a stable short id of the name (as a fingerprint's), for
 *                                {@code /api/endpoints/{id}}
 * @param endpoint                {@code GET /orders/{id}}, {@code no request: scheduling-*}, or
 *                                {@link EndpointCatalog#OTHERS}
 * @param requests                requests to it that ended (those that ran no statement included,
 *                                once it has run one)
 * @param statements              statements it ran
 * @param errors                  statements that failed
 * @param totalMillis             their time in the database
 * @param statementsPerRequestP50 median statements per request
 * @param statementsPerRequestP95 95th percentile of statements per request
 * @param dbMillisPerRequestP50   median time in the database per request
 * @param dbMillisPerRequestP95   95th percentile of time in the database per request
 */
public record EndpointStats(String id, String endpoint, long requests, long statements, long errors,
                            double totalMillis, long statementsPerRequestP50, long statementsPerRequestP95,
                            double dbMillisPerRequestP50, double dbMillisPerRequestP95) {
}
