package io.queryadvisor.dashboard.metrics;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.stats.StatementTotals;

/**
 * Statements by type: {@code queryadvisor.statements}, {@code queryadvisor.statements.failed},
 * {@code queryadvisor.statements.slow} (over the slow-query threshold) and the time they took,
 * {@code queryadvisor.statement.time}; each tagged {@code type} (one of the {@link StatementType}s, in
 * lower case), so ten series a meter whatever the workload.
 */
public final class StatementMetrics implements MeterBinder {

    private final Supplier<StatementTotals> totals;

    /** @param totals the advisor's last published totals ({@code advisor::statementTotals}) */
    public StatementMetrics(Supplier<StatementTotals> totals) {
        this.totals = totals;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (StatementType type : StatementType.values()) {
            String tag = type.name().toLowerCase(Locale.ROOT);
            counter(registry, "queryadvisor.statements", "Statements executed", tag, type, StatementTotals.Totals::executions);
            counter(registry, "queryadvisor.statements.failed", "Statements that threw", tag, type,
                    StatementTotals.Totals::failed);
            counter(registry, "queryadvisor.statements.slow", "Statements slower than the slow-query threshold", tag,
                    type, StatementTotals.Totals::slow);
            FunctionTimer.builder("queryadvisor.statement.time", this,
                            m -> m.totals.get().of(type).executions(),
                            m -> m.totals.get().of(type).totalNanos(), TimeUnit.NANOSECONDS)
                    .description("Time spent executing statements").tag("type", tag).register(registry);
        }
    }

    private void counter(MeterRegistry registry, String name, String description, String tag, StatementType type,
                         ToLongFunction<StatementTotals.Totals> value) {
        PublishedCounter.register(registry, this, name, description, totals, t -> value.applyAsLong(t.of(type)),
                "type", tag);
    }
}
