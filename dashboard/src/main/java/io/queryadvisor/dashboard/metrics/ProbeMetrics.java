package io.queryadvisor.dashboard.metrics;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.queryadvisor.advisor.probe.ProbeCounters;
import io.queryadvisor.advisor.probe.ProbeFailure;

/**
 * What the database probe (EXPLAIN, the catalog, hypopg) did: {@code queryadvisor.probe.requests},
 * {@code queryadvisor.probe.requests.dropped} (its queue was full), {@code queryadvisor.probe.requests.completed},
 * {@code queryadvisor.probe.answers.undelivered} and {@code queryadvisor.probe.failures} by {@code kind}
 * (one of the {@link ProbeFailure.Kind}s, in lower case).
 */
public final class ProbeMetrics implements MeterBinder {

    private final Supplier<ProbeCounters> counters;

    /** @param counters the advisor's last published probe counters ({@code advisor::probeCounters}) */
    public ProbeMetrics(Supplier<ProbeCounters> counters) {
        this.counters = counters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "queryadvisor.probe.requests", "Requests the database probe accepted",
                ProbeCounters::submitted);
        counter(registry, "queryadvisor.probe.requests.dropped", "Requests refused because the probe's queue was full",
                ProbeCounters::dropped);
        counter(registry, "queryadvisor.probe.requests.completed", "Requests the probe answered, failures included",
                ProbeCounters::completed);
        counter(registry, "queryadvisor.probe.answers.undelivered", "Answers the advisor's buffer had no room for",
                ProbeCounters::undelivered);
        for (ProbeFailure.Kind kind : ProbeFailure.Kind.values()) {
            PublishedCounter.register(registry, this, "queryadvisor.probe.failures",
                    "Probe answers that were failures, by kind", counters,
                    c -> c.failures().getOrDefault(kind.name(), 0L), "kind", kind.name().toLowerCase(Locale.ROOT));
        }
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<ProbeCounters> value) {
        PublishedCounter.register(registry, this, name, description, counters, value);
    }
}
