package io.queryadvisor.advisor.rules.missingindex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.queryadvisor.advisor.probe.ColumnStatistics;
import io.queryadvisor.advisor.probe.IndexDefinition;

/**
 * Turns a scan's conditions into the index that would serve it: the equality columns first, the
 * most selective first (the most distinct values in {@code pg_stats}; those without statistics
 * after, in the filter's order), then one range column (a B-tree serves one range, after the
 * equalities; the first in the filter); for a scan sorted for a LIMIT, the sort's columns in place
 * of the range, unless the range is a prefix LIKE on the sort's first column. Nothing when an
 * existing index already leads with those columns: then the planner chose the scan for a reason an index will not change.
 */
final class IndexDesign {

    private IndexDesign() {
    }

    /**
     * The index for {@code scan}, or {@code null} when an existing index covers it.
     *
     * @param statistics the columns' statistics; empty where the database keeps none (MariaDB)
     * @param existing   the table's indexes; empty when unknown
     */
    static IndexCandidate design(ScanCandidate scan, List<ColumnStatistics> statistics,
                                 List<IndexDefinition> existing) {
        Map<String, Double> distinct = new HashMap<>();
        statistics.forEach(s -> distinct.put(s.column(), s.distinctEstimate()));
        List<String> equality = new ArrayList<>();
        String range = null;
        String patternOps = null;
        for (ColumnCondition c : scan.conditions()) {
            if (c.kind().equality()) {
                if (!equality.contains(c.column())) {
                    equality.add(c.column());
                }
            } else if (range == null) {
                range = c.column();
                patternOps = c.kind() == ColumnCondition.Kind.PREFIX_LIKE ? c.column() : null;
            }
        }
        // stable sort: equally known columns keep the filter's order
        equality.sort(Comparator.comparingDouble((String c) -> -distinct.getOrDefault(c, -1.0)));
        List<String> columns = new ArrayList<>(equality);
        if (!scan.sortColumns().isEmpty() && !prefixLikeLeadsSort(patternOps, scan.sortColumns())) {
            // after the equalities, the sort's columns: the index then yields the rows in the LIMIT's
            // order (a range on the first of them is served too); another range is left to the filter
            for (String sortColumn : scan.sortColumns()) {
                if (!columns.contains(sortColumn)) {
                    columns.add(sortColumn);
                }
            }
            patternOps = null;
        } else if (range != null && !columns.contains(range)) {
            columns.add(range);
        } else if (range != null) {
            patternOps = null;
        }
        if (columns.isEmpty() || covered(columns, equality.size(), patternOps != null, existing)) {
            return null;
        }
        return new IndexCandidate(scan.table(), columns, patternOps);
    }

    /**
     * Whether the sort for a LIMIT starts with the column a prefix LIKE filters
     * ({@code name LIKE 'ab%' ORDER BY name LIMIT 20}, Spring Data's {@code findByNameStartingWith}
     * with a sort). An index in the sort's order is in the column's collation, which serves no LIKE
     * unless it is "C": it would be read from its start until the prefix's rows came by. The
     * pattern-ops index reads only the rows of the prefix, and the sort of those is small.
     */
    private static boolean prefixLikeLeadsSort(String likeColumn, List<String> sortColumns) {
        return likeColumn != null && sortColumns.get(0).replace(" DESC", "").equals(likeColumn);
    }

    /**
     * Whether an index leads with the candidate's columns: its first equality columns in any order
     * (the order of equalities does not change which rows an index finds), then the range column;
     * for a prefix LIKE, in an operator class or collation that serves one.
     */
    static boolean covered(List<String> columns, int equalities, boolean prefixLike, List<IndexDefinition> existing) {
        Set<String> leading = new HashSet<>(columns.subList(0, equalities));
        for (IndexDefinition index : existing) {
            List<String> keys = index.columns();
            if (keys.size() < columns.size() || index.definition() != null && index.definition().contains(" WHERE ")) {
                continue; // too short, or partial: it serves only some rows
            }
            if (prefixLike && !servesPrefixLike(index.definition())) {
                continue;
            }
            if (new HashSet<>(keys.subList(0, equalities)).equals(leading)
                    && keys.subList(equalities, columns.size()).equals(columns.subList(equalities, columns.size()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean servesPrefixLike(String definition) {
        return definition != null && (definition.contains("_pattern_ops") || definition.contains("COLLATE \"C\""));
    }
}
