package io.queryadvisor.advisor.rules.support;

import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.Severity;

/**
 * The one place severity is decided, from measured impact, so that every rule grades alike.
 *
 * <p>A finding is {@code high} when the time it costs is at least 20% of all statement time or
 * 10 s in all, {@code medium} from 5% or 1 s, else {@code low}. Shares matter more than absolute
 * time in a short run; absolute time matters in a long one. A problem seen fewer than
 * {@value #MIN_EXECUTIONS_FOR_HIGH} times is never {@code high}: too little evidence.
 */
public final class Impact {

    static final int MIN_EXECUTIONS_FOR_HIGH = 10;

    private Impact() {
    }

    /** Severity of a problem costing {@code millis} over {@code executions}, within {@code context}. */
    public static Severity severity(double millis, long executions, RuleContext context) {
        double share = context.shareOf(millis);
        if ((share >= 0.20 || millis >= 10_000) && executions >= MIN_EXECUTIONS_FOR_HIGH) {
            return Severity.HIGH;
        }
        if (share >= 0.05 || millis >= 1_000) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }

    /** Rounds to two decimals, for evidence that reads well. */
    public static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    /** A share (0..1) as a percentage with one decimal, e.g. {@code 42.5}. */
    public static double percent(double share) {
        return Math.round(share * 1000.0) / 10.0;
    }
}
