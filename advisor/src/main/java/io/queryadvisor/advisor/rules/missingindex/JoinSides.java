package io.queryadvisor.advisor.rules.missingindex;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.queryadvisor.advisor.probe.Plan;

/**
 * The full scans a join reads whole for want of an index on its join column: {@code orders o
 * JOIN order_lines l ON l.order_id = o.id WHERE o.customer_id = ?} without an index on
 * {@code order_lines.order_id} hashes the customer's few orders, then reads every line to probe
 * the hash. With the index, the join looks up each order's lines instead. Such a scan has no
 * filter of its own to show it: the join's condition names the column, and the join's estimated
 * rows are what the index would have to find (the {@link Examiner} judges whether they are few).
 */
final class JoinSides {

    private static final Set<String> JOINS = Set.of("Hash Join", "Merge Join", "Nested Loop");
    /** What may stand between a join and the scan feeding it. */
    private static final Set<String> PASS_THROUGH = Set.of("Hash", "Gather", "Materialize", "Sort", "Memoize");

    private JoinSides() {
    }

    /** Each full scan without a filter an index could serve that feeds a join on one of its columns. */
    static List<ScanCandidate> in(Plan plan) {
        List<ScanCandidate> out = new ArrayList<>();
        for (Plan join : plan.nodes()) {
            if (!JOINS.contains(join.nodeType()) || join.children().size() != 2) {
                continue;
            }
            // a hash or merge join's equality is its condition; a nested loop's, its join filter
            String on = join.condition() != null ? join.condition() : join.filter();
            for (Plan side : join.children()) {
                Plan scan = scanUnder(side);
                if (scan == null || scan.relation() == null || !FilterConditions.read(scan.filter()).isEmpty()) {
                    continue;
                }
                String column = FilterConditions.joinColumn(on, scan.alias() != null ? scan.alias() : scan.relation());
                if (column != null) {
                    out.add(new ScanCandidate(scan, List.of(new ColumnCondition(column, ColumnCondition.Kind.JOIN)),
                            List.of(), join.rows()));
                }
            }
        }
        return out;
    }

    /** The full scan a join's side is, through hashing, gathering and the like; or {@code null}. */
    private static Plan scanUnder(Plan side) {
        Plan node = side;
        while (PASS_THROUGH.contains(node.nodeType()) && node.children().size() == 1) {
            node = node.children().get(0);
        }
        return node.fullScan() ? node : null;
    }
}
