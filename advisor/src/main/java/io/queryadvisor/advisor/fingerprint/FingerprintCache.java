package io.queryadvisor.advisor.fingerprint;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.capture.StatementExecuted;

/**
 * Fingerprints by exact SQL text and dialect, least recently used evicted first. Parsing costs
 * 100–400 µs a statement; an application runs a few hundred distinct texts, so nearly every
 * lookup hits.
 *
 * <p>It also remembers each data source's dialect, told by {@link #onEvent}, so that a statement
 * is read as its database reads it ({@link #fingerprintOf}); a source not (yet)
 * identified is read as of an unknown dialect, masked for every reading.
 *
 * <p>Not thread-safe, by design: only the advisor's consumer thread fingerprints.
 */
public final class FingerprintCache {

    /** Sources whose dialect is remembered; the statements of any further one are read as of an unknown dialect. */
    static final int MAX_SOURCES = 64;

    private final Fingerprinter fingerprinter;
    private final LinkedHashMap<Key, Fingerprint> cache;
    private final Map<String, Dialect> dialects = new HashMap<>();
    private long hits;
    private long misses;
    private long evictions;

    public FingerprintCache(Fingerprinter fingerprinter, int maxEntries) {
        this.fingerprinter = fingerprinter;
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Fingerprint> eldest) {
                if (size() > maxEntries) {
                    evictions++;
                    return true;
                }
                return false;
            }
        };
    }

    /** Learns a data source's dialect from its {@link DatabaseIdentified}; ignores every other event. */
    public void onEvent(CaptureEvent event) {
        if (event instanceof DatabaseIdentified d && d.source() != null
                && (dialects.size() < MAX_SOURCES || dialects.containsKey(d.source()))) {
            dialects.put(d.source(), d.dialect());
        }
    }

    /** The fingerprint of a statement, read in the dialect of its source. */
    public Fingerprint fingerprintOf(StatementExecuted statement) {
        Dialect dialect = statement.source() == null ? null : dialects.get(statement.source());
        return fingerprint(statement.sql(), dialect == null ? Dialect.OTHER : dialect);
    }

    /** The fingerprint of {@code sql} sent to a database of unknown dialect. */
    public Fingerprint fingerprint(String sql) {
        return fingerprint(sql, Dialect.OTHER);
    }

    public Fingerprint fingerprint(String sql, Dialect dialect) {
        Key key = new Key(sql, dialect);
        Fingerprint fp = cache.get(key);
        if (fp != null) {
            hits++;
            return fp;
        }
        misses++;
        fp = fingerprinter.fingerprint(sql, dialect);
        cache.put(key, fp);
        return fp;
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    public long evictions() {
        return evictions;
    }

    /** The same text is another statement to another database: {@code "x"} is a name or a string. */
    private record Key(String sql, Dialect dialect) {
    }
}
