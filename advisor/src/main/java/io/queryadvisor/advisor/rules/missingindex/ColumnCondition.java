package io.queryadvisor.advisor.rules.missingindex;

/**
 * One condition of a plan's filter that an index on its column could serve.
 *
 * @param column the column, unqualified, as the database names it
 * @param kind   how the condition compares it
 */
record ColumnCondition(String column, Kind kind) {

    enum Kind {
        /** {@code col = value}, {@code col = ANY(...)}: an index's leading columns */
        EQUALITY,
        /** {@code col < value} and the like: after the equality columns */
        RANGE,
        /**
         * {@code col LIKE 'prefix%'}: a range too, but under a collation other than C a B-tree in
         * the default operator class cannot serve it, so the index is made with {@code text_pattern_ops}
         */
        PREFIX_LIKE,
        /**
         * {@code col = other.col} of a join, read by a full scan: with an index on it the join looks
         * up each of the other side's rows instead; an equality column for the index
         */
        JOIN;

        /** Whether an index serves it as a leading column, in any order with the others of its kind. */
        boolean equality() {
            return this == EQUALITY || this == JOIN;
        }
    }
}
