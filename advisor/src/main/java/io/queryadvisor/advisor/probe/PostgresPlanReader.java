package io.queryadvisor.advisor.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads PostgreSQL's {@code EXPLAIN (FORMAT JSON)} into a {@link Plan}. */
final class PostgresPlanReader {

    private PostgresPlanReader() {
    }

    /** The plan in {@code json}; an {@link IllegalArgumentException} that says why when it holds none. */
    static Plan read(String json) {
        // one element per statement: [ { "Plan": { ... } } ]
        List<Object> statements = PlanJson.array(PlanJson.parse(json));
        Map<String, Object> first = statements.isEmpty() ? null : PlanJson.object(statements.get(0));
        Map<String, Object> plan = first == null ? null : PlanJson.object(first.get("Plan"));
        if (plan == null) {
            throw new IllegalArgumentException("not a PostgreSQL JSON plan: no [0].Plan");
        }
        return node(plan);
    }

    private static Plan node(Map<String, Object> n) {
        String type = text(n, "Node Type");
        List<Plan> children = new ArrayList<>();
        for (Object child : PlanJson.array(n.get("Plans"))) {
            Map<String, Object> childNode = PlanJson.object(child);
            if (childNode != null) {
                children.add(node(childNode));
            }
        }
        return new Plan(type, text(n, "Relation Name"), text(n, "Index Name"), number(n, "Plan Rows"),
                number(n, "Total Cost"), first(n, "Index Cond", "Recheck Cond", "Hash Cond", "Merge Cond"),
                first(n, "Filter", "Join Filter"), "Seq Scan".equals(type), children, texts(n, "Sort Key"),
                text(n, "Alias"));
    }

    private static List<String> texts(Map<String, Object> n, String field) {
        List<String> out = new ArrayList<>();
        for (Object value : PlanJson.array(n.get(field))) {
            String text = PlanJson.text(value);
            if (text != null) {
                out.add(text);
            }
        }
        return out;
    }

    private static String first(Map<String, Object> n, String... fields) {
        for (String field : fields) {
            String value = text(n, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(Map<String, Object> n, String field) {
        return PlanJson.text(n.get(field));
    }

    private static double number(Map<String, Object> n, String field) {
        return n.get(field) instanceof Double d ? d : -1;
    }
}
