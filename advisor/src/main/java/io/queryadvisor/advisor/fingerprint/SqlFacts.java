package io.queryadvisor.advisor.fingerprint;

import java.util.List;

/**
 * Structural facts about a statement, read from its parse tree once per distinct SQL text, so that
 * rules never parse SQL themselves.
 *
 * @param selectStar   true if {@code *} or {@code t.*} appears in any select list (subqueries and CTEs included)
 * @param starTargets  what each star selects: {@code *} or the qualifier of {@code t.*}
 * @param tables       tables the statement reads or writes, as written (lower-cased), without duplicates
 * @param literals     literal values the fingerprint replaced by {@code ?}
 * @param hasLimit     the statement has LIMIT / FETCH FIRST / TOP
 * @param hasOffset    the statement has OFFSET
 */
public record SqlFacts(boolean selectStar, List<String> starTargets, List<String> tables, int literals,
                       boolean hasLimit, boolean hasOffset) {

    public static final SqlFacts NONE = new SqlFacts(false, List.of(), List.of(), 0, false, false);

    public SqlFacts {
        starTargets = List.copyOf(starTargets);
        tables = List.copyOf(tables);
    }
}
