package io.queryadvisor.advisor.stats;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import io.queryadvisor.advisor.fingerprint.StatementType;

/**
 * Every statement the advisor processed since it started, by statement type: never evicted and
 * never decreasing, unlike the per-fingerprint statistics, so that they can be exported as
 * counters (a monitoring system computes rates from them).
 *
 * @param byType the totals of each type that ran at least once
 */
public record StatementTotals(Map<StatementType, Totals> byType) {

    public static final StatementTotals NONE = new StatementTotals(Map.of());

    /** Nothing ran of that type. */
    public static final Totals ZERO = new Totals(0, 0, 0, 0);

    public StatementTotals {
        byType = byType.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byType));
    }

    /** The totals of {@code type}; {@link #ZERO} when none ran. */
    public Totals of(StatementType type) {
        return byType.getOrDefault(type, ZERO);
    }

    /**
     * @param executions statements executed (a JDBC batch counts once)
     * @param failed     those that threw
     * @param slow       those slower than the slow-query threshold
     * @param totalNanos their time, added up
     */
    public record Totals(long executions, long failed, long slow, long totalNanos) {
    }
}
