package io.queryadvisor.advisor.probe;

/**
 * The plan of a statement before and with a hypothetical index.
 *
 * @param hypopgInstalled whether the hypopg extension is installed in the database; when it is
 *                        not, {@code after} is {@code null} and the index could not be tried
 * @param before          the plan as the database is
 * @param after           the plan with the hypothetical index, or {@code null} without hypopg
 * @param indexName       the name hypopg gave the index (it appears in {@code after}'s nodes when
 *                        the plan uses it), or {@code null} without hypopg
 */
public record HypotheticalIndexResult(boolean hypopgInstalled, Plan before, Plan after, String indexName)
        implements ProbeResult {

    static HypotheticalIndexResult withoutHypopg(Plan before) {
        return new HypotheticalIndexResult(false, before, null, null);
    }

    public double costBefore() {
        return before.totalCost();
    }

    /** The estimated cost with the index; -1 without hypopg. */
    public double costAfter() {
        return after == null ? -1 : after.totalCost();
    }

    /** Whether the plan with the hypothetical index uses it. */
    public boolean indexUsed() {
        return after != null && after.nodes().stream().anyMatch(n -> indexName.equals(n.index()));
    }
}
