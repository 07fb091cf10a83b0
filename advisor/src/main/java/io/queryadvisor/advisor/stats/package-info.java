/**
 * Per-fingerprint statistics (counts, time percentiles from HdrHistogram, rows, call sites),
 * bounded in the fingerprints they keep, and the health of the capture (what was seen, dropped,
 * evicted).
 */
package io.queryadvisor.advisor.stats;
