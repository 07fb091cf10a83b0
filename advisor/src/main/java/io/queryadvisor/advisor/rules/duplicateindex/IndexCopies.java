package io.queryadvisor.advisor.rules.duplicateindex;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import io.queryadvisor.advisor.probe.SchemaIndex;

/**
 * Indexes of one table with the same definition but for their names: the one to keep first.
 *
 * @param copies the identical indexes, the one kept first
 */
record IndexCopies(List<SchemaIndex> copies) {

    private static final Pattern NAME = Pattern.compile("INDEX (\"(?:[^\"]|\"\")+\"|\\S+) ON ");

    /**
     * Which copy stays: the one behind a constraint, else the shortest name (an unnamed
     * {@code CREATE INDEX} run again names its copies {@code t_c_idx1}, {@code t_c_idx2}...), else the
     * first by name. Stable from one check to the next, so that the finding's id is.
     */
    static final Comparator<SchemaIndex> KEEP_FIRST = Comparator
            .comparing((SchemaIndex i) -> i.constraint() == null)
            .thenComparingInt(i -> i.name().length())
            .thenComparing(SchemaIndex::name);

    IndexCopies {
        copies = copies.stream().sorted(KEEP_FIRST).toList();
    }

    SchemaIndex kept() {
        return copies.get(0);
    }

    /** The copies to drop: all but the kept one, save those behind a constraint (a DROP INDEX cannot drop those). */
    List<SchemaIndex> dropped() {
        return copies.subList(1, copies.size()).stream().filter(i -> i.constraint() == null).toList();
    }

    /** What two identical indexes share: the definition with the name left out. */
    static String definitionWithoutName(SchemaIndex index) {
        return NAME.matcher(index.definition()).replaceFirst("INDEX ON ");
    }
}
