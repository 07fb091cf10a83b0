package io.queryadvisor.advisor.pool;

/**
 * The pool rules' thresholds in force, so that charts draw the lines the findings are judged by.
 *
 * @param acquireMillis pool-saturation's acquire p95 threshold
 * @param holdMillis    long-held-connection's hold threshold
 * @param leakMillis    connection-leak's threshold
 */
public record PoolThresholds(double acquireMillis, double holdMillis, double leakMillis) {

    public static final PoolThresholds NONE = new PoolThresholds(0, 0, 0);
}
