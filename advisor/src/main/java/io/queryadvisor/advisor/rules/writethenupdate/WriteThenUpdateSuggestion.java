package io.queryadvisor.advisor.rules.writethenupdate;

import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.JavaNames;

/**
 * The fix for a key set by an UPDATE right after each INSERT: let the INSERT write it. With JPA that
 * is the mapping of the association: owned by the child ({@code @ManyToOne}, {@code mappedBy} on the
 * parent), or a unidirectional join column that may not be null.
 */
final class WriteThenUpdateSuggestion {

    private WriteThenUpdateSuggestion() {
    }

    static Suggestion of(WriteThenUpdateEvidence ev, String table, String keyColumn) {
        String parent = parentName(keyColumn);
        String child = JavaNames.type(table, "Child");
        String text = "Write " + keyColumn + " in the INSERT instead of setting it with an UPDATE right after: "
                + ev.units().total() + " rows of " + table + " took two statements each. An UPDATE that sets only"
                + " the foreign key of each row just inserted is what Hibernate does for a unidirectional @OneToMany"
                + " with @JoinColumn: the parent owns the association, so the child's INSERT leaves the key out and"
                + " the parent's collection sets it afterwards. Map the association from the child's side: a"
                + " @ManyToOne on the child that owns " + keyColumn + ", and @OneToMany(mappedBy = \"" + parent
                + "\") on the parent, then set the child's parent before persisting it. To keep it unidirectional,"
                + " @JoinColumn(name = \"" + keyColumn + "\", nullable = false, updatable = false) on the collection"
                + " makes Hibernate write the key in the INSERT and not again. Without JPA, set the column in the"
                + " INSERT itself.";
        String code = "// on " + child + ": the child owns the key column\n"
                + "@ManyToOne(fetch = FetchType.LAZY, optional = false)\n"
                + "@JoinColumn(name = \"" + keyColumn + "\")\n"
                + "private " + JavaNames.type(parent, "Parent") + " " + parent + ";\n\n"
                + "// on " + JavaNames.type(parent, "Parent") + ": the collection is the inverse side\n"
                + "@OneToMany(mappedBy = \"" + parent + "\", cascade = CascadeType.ALL, orphanRemoval = true)\n"
                + "private List<" + child + "> " + JavaNames.field(table, "children") + " = new ArrayList<>();";
        return Suggestion.withJava(text, code);
    }

    /** {@code order_id}, {@code fk_order} and {@code order_fk} are {@code order}; otherwise {@code parent}. */
    private static String parentName(String keyColumn) {
        String name = keyColumn.endsWith("_id") ? keyColumn.substring(0, keyColumn.length() - 3)
                : keyColumn.startsWith("fk_") ? keyColumn.substring(3)
                : keyColumn.endsWith("_fk") ? keyColumn.substring(0, keyColumn.length() - 3) : "";
        return JavaNames.field(name, "parent");
    }
}
