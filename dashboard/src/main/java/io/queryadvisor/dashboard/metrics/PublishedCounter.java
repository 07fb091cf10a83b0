package io.queryadvisor.dashboard.metrics;

import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A counter whose value is read, on scrape, from a total the advisor publishes (never decreasing):
 * how every binder here registers one.
 */
final class PublishedCounter {

    private PublishedCounter() {
    }

    /**
     * Registers {@code name}, read as {@code value} of what {@code published} gives now.
     *
     * @param owner the binder: Micrometer holds it weakly, as the meter's state
     * @param tags  tag names and values, alternately
     */
    static <T> FunctionCounter register(MeterRegistry registry, Object owner, String name, String description,
                                       Supplier<T> published, ToDoubleFunction<T> value, String... tags) {
        return FunctionCounter.builder(name, owner, o -> value.applyAsDouble(published.get()))
                .description(description).tags(tags).register(registry);
    }
}
