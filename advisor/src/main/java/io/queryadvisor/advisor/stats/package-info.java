/**
 * Per-fingerprint statistics (counts, time percentiles from HdrHistogram, rows, call sites),
 * bounded in the fingerprints they keep; totals of every statement by type, never evicted (for
 * counters a monitoring system reads); and the health of the capture (what was seen, dropped,
 * evicted).
 */
package io.queryadvisor.advisor.stats;
