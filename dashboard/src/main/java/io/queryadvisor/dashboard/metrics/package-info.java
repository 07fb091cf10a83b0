/**
 * The meters behind {@code GET /metrics}: Micrometer binders, one per concern (statements, findings,
 * capture health, database probe, connection pools), registered in one place
 * ({@link io.queryadvisor.dashboard.metrics.PrometheusMetrics}) and rendered in Prometheus text format.
 * Every value is read on scrape from what the advisor last published, never by locking, and every tag
 * takes its values from a fixed set (statement types, rule ids, severities, probe failure kinds, a
 * bounded number of pool names): never one series per SQL text.
 */
package io.queryadvisor.dashboard.metrics;
