package io.queryadvisor.dashboard.metrics;

import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.queryadvisor.advisor.stats.CaptureHealth;

/**
 * How complete the capture is: {@code queryadvisor.events.dropped} (the buffer was full and the
 * application did not wait), {@code queryadvisor.fingerprints} (distinct queries tracked now),
 * {@code queryadvisor.fingerprints.evicted}, {@code queryadvisor.fingerprint.cache} by {@code result}
 * ({@code hit}, {@code miss}), {@code queryadvisor.fingerprint.parses.deferred} and
 * {@code queryadvisor.listener.failures}.
 */
public final class CaptureMetrics implements MeterBinder {

    private final Supplier<CaptureHealth> health;

    /** @param health the advisor's last published health ({@code advisor::health}) */
    public CaptureMetrics(Supplier<CaptureHealth> health) {
        this.health = health;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "queryadvisor.events.dropped", "Events dropped because the capture buffer was full",
                CaptureHealth::eventsDropped);
        Gauge.builder("queryadvisor.fingerprints", this, m -> m.health.get().fingerprintsTracked())
                .description("Distinct queries whose statistics are kept now").register(registry);
        counter(registry, "queryadvisor.fingerprints.evicted", "Queries evicted to stay within advisor.maxFingerprints",
                CaptureHealth::fingerprintsEvicted);
        String cache = "SQL texts fingerprinted, by whether the cache knew them";
        PublishedCounter.register(registry, this, "queryadvisor.fingerprint.cache", cache, health,
                CaptureHealth::fingerprintCacheHits, "result", "hit");
        PublishedCounter.register(registry, this, "queryadvisor.fingerprint.cache", cache, health,
                CaptureHealth::fingerprintCacheMisses, "result", "miss");
        counter(registry, "queryadvisor.fingerprint.parses.deferred",
                "New SQL shapes read from their tokens only, because the parse budget of that second was spent",
                CaptureHealth::parsesDeferred);
        counter(registry, "queryadvisor.listener.failures", "Failures inside the advisor's listeners, survived",
                CaptureHealth::listenerFailures);
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<CaptureHealth> value) {
        PublishedCounter.register(registry, this, name, description, health, value);
    }
}
