package io.queryadvisor.advisor.fingerprint;

import java.util.List;

/**
 * Structural facts about a statement, read from its parse tree once per distinct SQL text, so that
 * rules never parse SQL themselves.
 *
 * @param selectStar         true if {@code *} or {@code t.*} appears in any select list (subqueries and CTEs included)
 * @param starTargets        what each star selects: {@code *} or the qualifier of {@code t.*}
 * @param tables             tables the statement reads or writes, as written (lower-cased), without duplicates;
 *                           the target of an INSERT, UPDATE, DELETE or MERGE first
 * @param literals           literal values the fingerprint replaced by {@code ?}
 * @param hasLimit           the statement has LIMIT / FETCH FIRST / TOP
 * @param hasOffset          the statement has OFFSET
 * @param setColumns         the columns an UPDATE sets, in order (lower-cased, unquoted, unqualified); empty for
 *                           other statements, and when only tokens were left to read
 * @param whereEqualsColumns the columns the WHERE clause of an UPDATE, a DELETE or a one-table SELECT compares with a value (a
 *                           {@code ?} of the fingerprint), when that clause is nothing but such comparisons
 *                           joined by AND ({@code WHERE id = ?}, {@code WHERE a = ? AND b = ?}); empty otherwise
 *                           (no WHERE, OR, ranges, subqueries), for other statements, and from tokens
 * @param paging             the page the statement reads by OFFSET, and whether it counts rows; {@link Paging#NONE}
 *                           for other statements
 */
public record SqlFacts(boolean selectStar, List<String> starTargets, List<String> tables, int literals,
                       boolean hasLimit, boolean hasOffset, List<String> setColumns, List<String> whereEqualsColumns,
                       Paging paging) {

    public static final SqlFacts NONE = new SqlFacts(false, List.of(), List.of(), 0, false, false);

    public SqlFacts {
        starTargets = List.copyOf(starTargets);
        tables = List.copyOf(tables);
        setColumns = List.copyOf(setColumns);
        whereEqualsColumns = List.copyOf(whereEqualsColumns);
        paging = paging == null ? Paging.NONE : paging;
    }

    /** Facts without pagination: a statement that reads no OFFSET page and counts nothing. */
    public SqlFacts(boolean selectStar, List<String> starTargets, List<String> tables, int literals, boolean hasLimit,
                    boolean hasOffset, List<String> setColumns, List<String> whereEqualsColumns) {
        this(selectStar, starTargets, tables, literals, hasLimit, hasOffset, setColumns, whereEqualsColumns, Paging.NONE);
    }

    /**
     * Whether the WHERE clause is nothing but {@code id = ?}: one row looked up by what the usual
     * naming (JPA's default included) makes its primary key. A key named otherwise is missed, never
     * a filter taken for a key: the schema is not consulted.
     */
    public boolean looksUpById() {
        return whereEqualsColumns.equals(List.of("id"));
    }

    /** These facts with {@code paging} in place of theirs. */
    public SqlFacts withPaging(Paging paging) {
        return new SqlFacts(selectStar, starTargets, tables, literals, hasLimit, hasOffset, setColumns,
                whereEqualsColumns, paging);
    }

    /** Facts without the columns of a write: what the token fallback, and several statements joined, know. */
    public SqlFacts(boolean selectStar, List<String> starTargets, List<String> tables, int literals, boolean hasLimit,
                    boolean hasOffset) {
        this(selectStar, starTargets, tables, literals, hasLimit, hasOffset, List.of(), List.of());
    }
}
