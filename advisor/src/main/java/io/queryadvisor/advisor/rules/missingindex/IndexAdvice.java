package io.queryadvisor.advisor.rules.missingindex;

/**
 * What one examination found: the index a query lacks, and the figures that prove it.
 *
 * @param index        the index
 * @param ddl          the statement suggested, in the database's dialect
 * @param planNode     the node that proves it, values masked ({@link ScanCandidate#describe()})
 * @param plan         the plan as a readable tree ({@link PlanText})
 * @param rowsScanned  rows the scan reads: the table's estimated rows
 * @param rowsReturned rows it keeps, as estimated; -1 when the database does not say
 * @param costBefore   the plan's estimated cost; -1 when the database does not say
 * @param costAfter    its estimated cost with the index made hypothetically; -1 when not verified
 * @param unverified   why the index could not be tried, or {@code null} when hypopg tried it
 * @param basis        what the plan was made for (sampled values, a generic plan)
 * @param probeMillis  how long the probe worked on this examination, all its requests together
 */
record IndexAdvice(IndexCandidate index, String ddl, String planNode, String plan, double rowsScanned,
                   double rowsReturned, double costBefore, double costAfter, String unverified, String basis,
                   double probeMillis) {

    boolean verified() {
        return unverified == null;
    }
}
