package io.queryadvisor.advisor.stats;

import java.util.EnumMap;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.fingerprint.StatementType;

/**
 * Counts every statement by type, for {@link StatementTotals}: a few longs per statement type,
 * whatever the workload. Confined to the advisor's consumer thread, which writes it and takes the
 * totals it publishes.
 */
public final class StatementTally implements CaptureListener {

    private final long slowNanos;
    private final long[] executions = new long[StatementType.values().length];
    private final long[] failed = new long[executions.length];
    private final long[] slow = new long[executions.length];
    private final long[] totalNanos = new long[executions.length];

    /** @param slowNanos a statement longer than this is slow (the slow-query rule's threshold) */
    public StatementTally(long slowNanos) {
        this.slowNanos = slowNanos;
    }

    @Override
    public void onEvent(CaptureEvent event) {
        if (event instanceof ObservedStatement s) {
            int type = s.fingerprint().type().ordinal();
            long nanos = s.event().durationNanos();
            executions[type]++;
            totalNanos[type] += nanos;
            if (s.event().failed()) {
                failed[type]++;
            }
            if (nanos > slowNanos) {
                slow[type]++;
            }
        }
    }

    /** The totals so far. */
    public StatementTotals totals() {
        Map<StatementType, StatementTotals.Totals> byType = new EnumMap<>(StatementType.class);
        for (StatementType type : StatementType.values()) {
            int i = type.ordinal();
            if (executions[i] > 0) {
                byType.put(type, new StatementTotals.Totals(executions[i], failed[i], slow[i], totalNanos[i]));
            }
        }
        return new StatementTotals(byType);
    }
}
