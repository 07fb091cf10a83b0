package io.queryadvisor.advisor.probe;

/**
 * What the planner knows of one column's values ({@code pg_stats}).
 *
 * @param column           the column
 * @param nDistinct        as the database keeps it: a count when positive, minus a fraction of
 *                         the rows when negative ({@code -1}: every row differs)
 * @param nullFraction     the share of rows that are NULL
 * @param distinctEstimate distinct values in the table, {@code nDistinct} made absolute with the
 *                         table's row estimate; -1 when the table's rows are unknown
 */
public record ColumnStatistics(String column, double nDistinct, double nullFraction, double distinctEstimate) {
}
