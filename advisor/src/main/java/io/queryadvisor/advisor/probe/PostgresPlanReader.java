package io.queryadvisor.advisor.probe;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads PostgreSQL's {@code EXPLAIN (FORMAT JSON)} into a {@link Plan}. */
final class PostgresPlanReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PostgresPlanReader() {
    }

    static Plan read(String json) throws JsonProcessingException {
        JsonNode root = JSON.readTree(json);
        // one element per statement: [ { "Plan": { ... } } ]
        JsonNode plan = root.path(0).path("Plan");
        if (!plan.isObject()) {
            throw new IllegalArgumentException("not a PostgreSQL JSON plan: no [0].Plan");
        }
        return node(plan);
    }

    private static Plan node(JsonNode n) {
        String type = text(n, "Node Type");
        List<Plan> children = new ArrayList<>();
        for (JsonNode child : n.path("Plans")) {
            children.add(node(child));
        }
        return new Plan(type, text(n, "Relation Name"), text(n, "Index Name"), number(n, "Plan Rows"),
                number(n, "Total Cost"), first(n, "Index Cond", "Recheck Cond", "Hash Cond", "Merge Cond"),
                first(n, "Filter", "Join Filter"), "Seq Scan".equals(type), children, texts(n, "Sort Key"),
                text(n, "Alias"));
    }

    private static List<String> texts(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        n.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String first(JsonNode n, String... fields) {
        for (String field : fields) {
            String value = text(n, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static double number(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value != null && value.isNumber() ? value.asDouble() : -1;
    }
}
