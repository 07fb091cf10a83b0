package io.queryadvisor.advisor.rules.missingindex;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.queryadvisor.advisor.probe.Plan;

/**
 * A node of a plan that reads a whole table and filters what it reads, or whose rows are sorted
 * for a LIMIT, with what an index could serve.
 *
 * @param node        the plan node (a PostgreSQL {@code Seq Scan}, a MariaDB access type {@code ALL})
 * @param conditions  what the filter compares, in the filter's order
 * @param sortColumns what a sort above it orders by for a LIMIT ({@code created_at DESC}), or empty;
 *                    an index in that order would hand the LIMIT its first rows without sorting them all
 * @param keptRows    the rows an index would have to find: those the filter keeps, or for a join's side,
 *                    those the join yields
 */
record ScanCandidate(Plan node, List<ColumnCondition> conditions, List<String> sortColumns, double keptRows) {

    /** The nodes a sort may pass on its way from a full scan up to a LIMIT (a parallel plan gathers first). */
    private static final Set<String> BETWEEN_LIMIT_AND_SCAN = Set.of("Sort", "Incremental Sort", "Gather Merge",
            "Gather");
    /** A sort key that is one plain column, maybe qualified, maybe descending: an index can hold it. */
    private static final Pattern PLAIN_KEY = Pattern.compile("(?:[A-Za-z_][A-Za-z0-9_]*\\.)?([A-Za-z_][A-Za-z0-9_]*)( DESC)?");

    ScanCandidate {
        conditions = List.copyOf(conditions);
        sortColumns = List.copyOf(sortColumns);
    }

    /** A scan whose rows an index would find are those its filter keeps. */
    ScanCandidate(Plan node, List<ColumnCondition> conditions, List<String> sortColumns) {
        this(node, conditions, sortColumns, node.rows());
    }

    /**
     * The full scans of {@code plan} with something an index could serve, in plan order; then the
     * full scans on a side of a join with nothing of their own to filter on ({@link JoinSides}).
     */
    static List<ScanCandidate> in(Plan plan) {
        List<Plan> sortedForLimit = new ArrayList<>();
        List<List<String>> sortKeys = new ArrayList<>();
        for (Plan node : plan.nodes()) {
            if ("Limit".equals(node.nodeType())) {
                sortedScan(node, sortedForLimit, sortKeys);
            }
        }
        List<ScanCandidate> out = new ArrayList<>();
        for (Plan n : plan.fullScans()) {
            int sorted = indexOfSame(sortedForLimit, n);
            ScanCandidate c = new ScanCandidate(n, FilterConditions.read(n.filter()),
                    sorted < 0 ? List.of() : sortKeys.get(sorted));
            if (n.relation() != null && (!c.conditions().isEmpty() || !c.sortColumns().isEmpty())) {
                out.add(c);
            }
        }
        for (ScanCandidate joined : JoinSides.in(plan)) {
            if (out.stream().noneMatch(c -> c.node() == joined.node())) {
                out.add(joined);
            }
        }
        return out;
    }

    /** Below a LIMIT, through one sort of plain columns only, a full scan: noted with the sort's columns. */
    private static void sortedScan(Plan limit, List<Plan> scans, List<List<String>> keys) {
        List<String> sortKey = null;
        Plan node = limit;
        while (node.children().size() == 1) {
            node = node.children().get(0);
            if (node.fullScan()) {
                if (sortKey != null) {
                    scans.add(node);
                    keys.add(sortKey);
                }
                return;
            }
            if (!BETWEEN_LIMIT_AND_SCAN.contains(node.nodeType())) {
                return;
            }
            if (!node.sortKey().isEmpty() && sortKey == null) {
                sortKey = plainColumns(node.sortKey());
                if (sortKey == null) {
                    return;
                }
            }
        }
    }

    private static List<String> plainColumns(List<String> sortKey) {
        List<String> columns = new ArrayList<>();
        boolean descending = false;
        boolean ascending = false;
        for (String key : sortKey) {
            var m = PLAIN_KEY.matcher(key.trim());
            if (!m.matches()) {
                return null; // an expression: no plain index holds it
            }
            descending |= m.group(2) != null;
            ascending |= m.group(2) == null;
            columns.add(m.group(1) + (m.group(2) == null ? "" : " DESC"));
        }
        if (!(descending && ascending)) {
            // one direction for all: a B-tree is read backwards as well as forwards
            columns.replaceAll(c -> c.replace(" DESC", ""));
        }
        return columns;
    }

    private static int indexOfSame(List<Plan> nodes, Plan node) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) == node) {
                return i;
            }
        }
        return -1;
    }

    String table() {
        return node.relation();
    }

    /** The columns whose statistics help order the index. */
    List<String> columns() {
        return conditions.stream().map(ColumnCondition::column).distinct().toList();
    }

    /**
     * The node as evidence: its type, table and what it filters on, with {@code ?} for every value
     * (the filter the database printed may quote the application's bind values), and the sort.
     */
    String describe() {
        String filter = conditions.isEmpty() ? "" : ", filter: " + conditions.stream()
                .map(c -> c.column() + switch (c.kind()) {
                    case EQUALITY -> " = ?";
                    case RANGE -> " compared with ?";
                    case PREFIX_LIKE -> " LIKE '?%'";
                    case JOIN -> " = the joined row's";
                })
                .collect(Collectors.joining(" AND "));
        String sort = sortColumns.isEmpty() ? "" : ", sorted by " + String.join(", ", sortColumns) + " for a LIMIT";
        return node.nodeType() + " on " + table() + filter + sort;
    }
}
