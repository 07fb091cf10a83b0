package io.queryadvisor.advisor.probe;

/**
 * The plan of an {@link ExplainRequest}.
 *
 * @param plan  the root of the plan
 * @param basis what the plan was made for
 */
public record ExplainResult(Plan plan, Basis basis) implements ProbeResult {

    /** What values the database planned for. */
    public enum Basis {
        /** the sampled bind values: the plan the application got for them */
        SAMPLED_VALUES,
        /** no values: PostgreSQL's generic plan, good for any value */
        GENERIC,
        /** the statement has no placeholders */
        NO_PARAMETERS
    }
}
