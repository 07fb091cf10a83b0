package io.queryadvisor.advisor.rules.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Severity;
import io.queryadvisor.advisor.rules.Suggestion;

/**
 * Builds the {@link Recommendation} of a schema rule about one object of a database (an index, a
 * table): no fingerprint, SQL or call sites, since no one statement is to blame. Its id is
 * {@code rule:database.schema.object}, stable across runs like a fingerprint's; its severity comes
 * from the bytes the problem costs ({@link #severityOfBytes}), since no statement time measures it.
 *
 * <pre>{@code
 * SchemaFinding.about("unused-index", "shop", "public", "orders_status_idx")
 *         .title("Unused index ...").evidence("scans", 0).bytes(size)
 *         .suggestion(Suggestion.withSql("Drop it", "DROP INDEX CONCURRENTLY ..."))
 *         .build();
 * }</pre>
 */
public final class SchemaFinding {

    static final long MEDIUM_BYTES = 100L << 20;
    static final long HIGH_BYTES = 1L << 30;

    private final String rule;
    private final String objectId;
    private final Map<String, Object> evidence = new LinkedHashMap<>();
    private String title;
    private Suggestion suggestion;
    private long bytes;

    private SchemaFinding(String rule, String objectId) {
        this.rule = rule;
        this.objectId = objectId;
    }

    /** A finding of {@code rule} about {@code object} (an index or a table) of {@code database}'s {@code schema}. */
    public static SchemaFinding about(String rule, String database, String schema, String object) {
        return new SchemaFinding(rule, database + "." + schema + "." + object);
    }

    public SchemaFinding title(String title) {
        this.title = title;
        return this;
    }

    /** Adds one figure, in reading order; decimals are rounded with {@link Impact#round}. */
    public SchemaFinding evidence(String name, Object value) {
        evidence.put(name, value instanceof Double d ? Impact.round(d) : value);
        return this;
    }

    /** The bytes the problem costs (an index nobody reads, dead rows): the finding's severity. */
    public SchemaFinding bytes(long bytes) {
        this.bytes = bytes;
        return this;
    }

    public SchemaFinding suggestion(Suggestion suggestion) {
        this.suggestion = suggestion;
        return this;
    }

    public Recommendation build() {
        if (title == null || suggestion == null) {
            throw new IllegalStateException("a finding needs a title and a suggestion");
        }
        return new Recommendation(Recommendation.idFor(rule, objectId), rule, severityOfBytes(bytes), title, null,
                null, null, List.of(), evidence, suggestion, 0);
    }

    /**
     * {@code high} from 1 GiB, {@code medium} from 100 MiB, else {@code low}: what an index or dead
     * rows of that size cost in disk, cache and backups.
     */
    public static Severity severityOfBytes(long bytes) {
        return bytes >= HIGH_BYTES ? Severity.HIGH : bytes >= MEDIUM_BYTES ? Severity.MEDIUM : Severity.LOW;
    }

    /** A size for people: {@code 8 kB}, {@code 12.5 MB}, {@code 3.1 GB} (powers of 1024, as PostgreSQL's pg_size_pretty). */
    public static String size(long bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value,
                units[unit]);
    }
}
