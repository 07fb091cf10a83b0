package io.queryadvisor.advisor.endpoints;

import org.HdrHistogram.PackedHistogram;

import io.queryadvisor.advisor.fingerprint.Fingerprinter;

/**
 * The running totals of one endpoint. Not thread-safe: owned by {@link EndpointStatistics}.
 * Per-request figures go into packed HDR histograms (statements per request, and microseconds in
 * the database per request), a few hundred bytes each, as the per-query durations do.
 */
final class EndpointAccumulator {

    private static final long MAX_MICROS = 3_600_000_000L;
    private static final long MAX_STATEMENTS = 10_000_000L;

    private final String id;
    private final String endpoint;
    private final PackedHistogram statementsPerRequest = new PackedHistogram(1, MAX_STATEMENTS, 2);
    private final PackedHistogram microsPerRequest = new PackedHistogram(1, MAX_MICROS, 2);
    private long requests;
    private long statements;
    private long errors;
    private long nanos;
    private long maxRequestStatements;
    private long maxRequestMicros;

    EndpointAccumulator(String endpoint) {
        this.endpoint = endpoint;
        this.id = Fingerprinter.idOf(endpoint);
    }

    void statement(long durationNanos, boolean failed) {
        statements++;
        nanos += durationNanos;
        if (failed) {
            errors++;
        }
    }

    void requestEnded(long requestStatements, long requestNanos) {
        requests++;
        long statementsRecorded = Math.min(MAX_STATEMENTS, Math.max(0, requestStatements));
        long micros = Math.min(MAX_MICROS, Math.max(0, requestNanos / 1_000));
        statementsPerRequest.recordValue(statementsRecorded);
        microsPerRequest.recordValue(micros);
        maxRequestStatements = Math.max(maxRequestStatements, statementsRecorded);
        maxRequestMicros = Math.max(maxRequestMicros, micros);
    }

    EndpointStats snapshot() {
        return new EndpointStats(id, endpoint, requests, statements, errors, nanos / 1_000_000.0,
                statementsAt(50), statementsAt(95), millisAt(50), millisAt(95));
    }

    private long statementsAt(double percentile) {
        // the histogram keeps 2 significant digits: never report a percentile above the true max
        return requests == 0 ? 0 : Math.min(statementsPerRequest.getValueAtPercentile(percentile), maxRequestStatements);
    }

    private double millisAt(double percentile) {
        return requests == 0 ? 0 : Math.min(microsPerRequest.getValueAtPercentile(percentile), maxRequestMicros) / 1_000.0;
    }
}
