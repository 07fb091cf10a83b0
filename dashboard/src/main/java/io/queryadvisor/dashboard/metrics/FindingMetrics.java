package io.queryadvisor.dashboard.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Severity;

/**
 * {@code queryadvisor.findings}: the findings standing now, tagged {@code rule} and {@code severity}.
 * One series for each rule id given and each severity, bound once: a finding's rule and severity come
 * from those fixed sets, whatever the workload (a rule outside them, an application's own, is not
 * exported).
 */
public final class FindingMetrics implements MeterBinder {

    private final Supplier<List<Recommendation>> findings;
    private final List<String> ruleIds;
    /** The last list counted and its counts: one count per publication, not one per gauge. */
    private final AtomicReference<Counted> counted = new AtomicReference<>(new Counted(List.of(), Map.of()));

    /**
     * @param findings the advisor's last published findings ({@code advisor::recommendations})
     * @param ruleIds  every rule id to export, built or planned
     */
    public FindingMetrics(Supplier<List<Recommendation>> findings, List<String> ruleIds) {
        this.findings = findings;
        this.ruleIds = List.copyOf(ruleIds);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String rule : ruleIds) {
            for (Severity severity : Severity.values()) {
                String key = key(rule, severity.label());
                Gauge.builder("queryadvisor.findings", this, m -> m.counts().getOrDefault(key, 0))
                        .description("Findings standing now").tag("rule", rule).tag("severity", severity.label())
                        .register(registry);
            }
        }
    }

    private Map<String, Integer> counts() {
        List<Recommendation> now = findings.get();
        Counted last = counted.get();
        if (last.findings() == now) {
            return last.counts();
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Recommendation r : now) {
            counts.merge(key(r.rule(), r.severity().label()), 1, Integer::sum);
        }
        counted.set(new Counted(now, counts));
        return counts;
    }

    private static String key(String rule, String severity) {
        return rule + '\u0000' + severity;
    }

    private record Counted(List<Recommendation> findings, Map<String, Integer> counts) {
    }
}
