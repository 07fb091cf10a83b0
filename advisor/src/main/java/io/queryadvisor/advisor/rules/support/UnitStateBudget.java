package io.queryadvisor.advisor.rules.support;

/**
 * The places (loops, tracked queries...) all open units of work of one rule may hold together, so
 * that its memory stays bounded even when every one of {@code maxOpenUnits} units is full: an
 * execution that finds the budget spent is not tracked, and counted. A unit gives its places back
 * once it has been judged.
 */
public final class UnitStateBudget {

    private final int max;
    private int used;
    private long leftOut;

    public UnitStateBudget(int max) {
        this.max = max;
    }

    /** Takes one place; {@code false} (and one execution counted as left out) when none is left. */
    public boolean take() {
        if (used >= max) {
            leftOut();
            return false;
        }
        used++;
        return true;
    }

    /** One execution was left out: a bound was reached. */
    public void leftOut() {
        leftOut++;
    }

    public void giveBack(int n) {
        used -= n;
    }

    /** Places held by open units now. */
    public int used() {
        return used;
    }

    /** Executions left out because a bound was reached. */
    public long leftOutCount() {
        return leftOut;
    }
}
