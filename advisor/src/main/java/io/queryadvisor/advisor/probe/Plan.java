package io.queryadvisor.advisor.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a query plan, as the database's EXPLAIN estimated it (never as it ran: the probe
 * never runs EXPLAIN ANALYZE), with its children.
 *
 * @param nodeType      the database's own name for the step: PostgreSQL's {@code Seq Scan},
 *                      {@code Index Scan}, {@code Hash Join}...; MariaDB's access type for a table
 *                      ({@code ALL}, {@code ref}, {@code range}...) or the block it is in
 *                      ({@code query_block}, {@code filesort}...)
 * @param relation      the table (as the plan names it: MariaDB gives the alias) or {@code null}
 * @param index         the index used, or {@code null}
 * @param rows          estimated rows out of this node (MariaDB: rows examined per scan); -1 when unknown
 * @param totalCost     estimated total cost in the database's own units; -1 when it does not say
 * @param condition     the condition an index or join applies (PostgreSQL {@code Index Cond},
 *                      {@code Recheck Cond}, {@code Hash Cond}, {@code Merge Cond}; MariaDB {@code ref}),
 *                      or {@code null}
 * @param filter        the condition applied to rows after they are read (PostgreSQL {@code Filter},
 *                      {@code Join Filter}; MariaDB {@code attached_condition}), or {@code null}
 * @param fullScan      whether this node reads a whole table (PostgreSQL's sequential scan,
 *                      MariaDB's access type {@code ALL})
 * @param children      the nodes feeding this one
 * @param sortKey       what a sort node sorts by (PostgreSQL {@code Sort Key}: {@code created_at DESC},
 *                      {@code o.id}); empty for other nodes and where the database does not say
 * @param alias         the name the statement gives the table ({@code l} in {@code order_lines l}), which
 *                      qualifies its columns in a join's condition; {@code null} where the database does not say
 */
public record Plan(String nodeType, String relation, String index, double rows, double totalCost,
                   String condition, String filter, boolean fullScan, List<Plan> children, List<String> sortKey,
                   String alias) {

    public Plan {
        children = List.copyOf(children);
        sortKey = sortKey == null ? List.of() : List.copyOf(sortKey);
    }

    /** A node whose table has no alias the database gives. */
    public Plan(String nodeType, String relation, String index, double rows, double totalCost, String condition,
                String filter, boolean fullScan, List<Plan> children, List<String> sortKey) {
        this(nodeType, relation, index, rows, totalCost, condition, filter, fullScan, children, sortKey, null);
    }

    /** A node that sorts nothing. */
    public Plan(String nodeType, String relation, String index, double rows, double totalCost, String condition,
                String filter, boolean fullScan, List<Plan> children) {
        this(nodeType, relation, index, rows, totalCost, condition, filter, fullScan, children, List.of());
    }

    /** This node and every node under it, depth first, parents before children. */
    public List<Plan> nodes() {
        List<Plan> all = new ArrayList<>();
        collect(this, all);
        return all;
    }

    /** The nodes that read a whole table. */
    public List<Plan> fullScans() {
        return nodes().stream().filter(Plan::fullScan).toList();
    }

    private static void collect(Plan node, List<Plan> into) {
        into.add(node);
        for (Plan child : node.children) {
            collect(child, into);
        }
    }
}
