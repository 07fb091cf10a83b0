package io.queryadvisor.advisor.rules.engine;

import java.util.Locale;

import io.queryadvisor.advisor.rules.RuleDescriptor;

/**
 * The README's table of rules, written from the rule descriptors, so that the documentation cannot
 * drift from the code: a test compares the README with {@link #markdown()}.
 */
public final class RuleTable {

    private RuleTable() {
    }

    /** One row per rule, built or planned, in registration order. */
    public static String markdown() {
        StringBuilder md = new StringBuilder("| rule id | name | what it finds | checklist line | about | status |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (RuleRegistry.Entry e : RuleRegistry.entries()) {
            RuleDescriptor d = e.descriptor();
            md.append("| `").append(d.id()).append("` | ").append(d.title()).append(" | ").append(d.help())
                    .append(" | ").append(d.checklist())
                    .append(" | ").append(d.kind().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(e.built() ? "built" : "planned").append(" |\n");
        }
        return md.toString();
    }
}
