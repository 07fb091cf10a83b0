package io.queryadvisor.dashboard;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import io.queryadvisor.dashboard.metrics.PrometheusMetrics;

/**
 * {@code GET /metrics}: the agent's meters in Prometheus text format, for Prometheus to scrape every
 * instance of a fleet. The registry is made at the first scrape, not at start: an application that
 * is never scraped never loads Micrometer.
 */
final class MetricsEndpoint implements Endpoint {

    private final Supplier<PrometheusMetrics> factory;
    private volatile PrometheusMetrics metrics;

    MetricsEndpoint(Supplier<PrometheusMetrics> factory) {
        this.factory = factory;
    }

    @Override
    public Response get(Map<String, String> parameters) throws IOException {
        return Response.of(200, PrometheusMetrics.CONTENT_TYPE, metrics().scrape());
    }

    private PrometheusMetrics metrics() {
        PrometheusMetrics made = metrics;
        if (made == null) {
            // on a dashboard worker, never the application's thread: a lock is fine, and makes one registry
            synchronized (this) {
                made = metrics;
                if (made == null) {
                    made = factory.get();
                    metrics = made;
                }
            }
        }
        return made;
    }
}
