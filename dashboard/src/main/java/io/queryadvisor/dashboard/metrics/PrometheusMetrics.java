package io.queryadvisor.dashboard.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.rules.engine.RuleRegistry;

/**
 * The one place where the agent's meters are registered: a Prometheus registry of its own (never
 * Micrometer's global one, nor the application's), with one binder per concern, rendered in the
 * Prometheus text exposition format on {@link #scrape()}.
 */
public final class PrometheusMetrics {

    /** The media type of the Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT).throwExceptionOnRegistrationFailure();
    /** Held here: Micrometer's function meters reference their binder weakly, and would read NaN once it went. */
    private final List<MeterBinder> binders;
    private final PoolMetrics pools;

    private PrometheusMetrics(List<MeterBinder> binders, PoolMetrics pools) {
        this.binders = List.copyOf(binders);
        this.pools = pools;
        this.binders.forEach(binder -> binder.bindTo(registry));
    }

    /** The meters of {@code advisor}'s last publication, and of the pools {@code pools} lists. */
    public static PrometheusMetrics of(Advisor advisor, PoolSnapshots pools) {
        PoolMetrics poolMetrics = new PoolMetrics(pools);
        return new PrometheusMetrics(List.of(
                new StatementMetrics(advisor::statementTotals),
                new FindingMetrics(advisor::recommendations, RuleRegistry.ids()),
                new CaptureMetrics(advisor::health),
                new ProbeMetrics(advisor::probeCounters),
                poolMetrics), poolMetrics);
    }

    /** Every meter now, in the Prometheus text format ({@link #CONTENT_TYPE}). */
    public byte[] scrape() throws IOException {
        pools.refresh();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        registry.scrape(out, CONTENT_TYPE);
        return out.toByteArray();
    }
}
