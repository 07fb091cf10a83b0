package io.queryadvisor.advisor.fingerprint;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.capture.StatementExecuted;

/**
 * Fingerprints by exact SQL text and dialect, least recently used evicted first, bounded both in
 * entries and in bytes. Parsing costs 100–400 µs a statement; an application runs a few hundred
 * distinct texts, so nearly every lookup hits.
 *
 * <p>It also remembers each data source's dialect, told by {@link #onEvent}, so that a statement
 * is read as its database reads it ({@link #fingerprintOf}); a source not (yet) identified is read
 * as of an unknown dialect, masked for every reading.
 *
 * <p>A text not seen before is first reduced to its {@link TextShape} (lexed, not parsed); a text
 * whose shape was parsed already gets that fingerprint without a parse. Only a new shape is parsed.
 *
 * <p>Memory is bounded by bytes, not only by count, whatever the texts: a long text is keyed by a
 * digest (see {@link TextKey}), and a fingerprint's text is kept to {@value #MAX_STORED_TEXT}
 * characters, marked as cut (its id still comes from the whole text, so two long statements that
 * differ only at their end stay two fingerprints).
 *
 * <p>Parsing is bounded in time as a whole ({@link ParseBudget}): when this second's parse time is
 * spent, a new shape is fingerprinted from its tokens, and not remembered, so that it is parsed once
 * the budget allows; so is a shape whose parse ran out of the rest of a second's budget. A shape whose
 * parse ran out of the whole time a parse is granted is remembered as hard ({@value #MAX_HARD_SHAPES}
 * of them, the newest) and never tried again, even after its fingerprint is evicted.
 *
 * <p>Not thread-safe, by design: only the advisor's consumer thread fingerprints.
 */
public final class FingerprintCache {

    /** Characters of a fingerprint's text that are kept; what a person can read of a statement. */
    public static final int MAX_STORED_TEXT = 4_096;
    static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    /** Sources whose dialect is remembered; the statements of any further one are read as of an unknown dialect. */
    static final int MAX_SOURCES = 64;
    private static final Object NULL_TEXT = new Object();
    /** Shapes remembered as too hard to parse; keys are texts of at most 512 characters or digests (see {@link TextKey}). */
    static final int MAX_HARD_SHAPES = 1_024;

    private final Fingerprinter fingerprinter;
    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<Object, Fingerprint> cache = new LinkedHashMap<>(256, 0.75f, true);
    private final LinkedHashMap<Object, Fingerprint> byShape = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<String, Dialect> dialects = new HashMap<>();
    private final ParseBudget budget;
    private final LinkedHashMap<Object, Boolean> hardShapes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Boolean> eldest) {
            return size() > MAX_HARD_SHAPES;
        }
    };
    private long bytes;
    private long shapeBytes;
    private long parses;
    private long hits;
    private long misses;
    private long evictions;

    public FingerprintCache(Fingerprinter fingerprinter, int maxEntries) {
        this(fingerprinter, maxEntries, DEFAULT_MAX_BYTES);
    }

    public FingerprintCache(Fingerprinter fingerprinter, int maxEntries, long maxBytes) {
        this(fingerprinter, maxEntries, maxBytes, ParseBudget.defaults());
    }

    public FingerprintCache(Fingerprinter fingerprinter, int maxEntries, long maxBytes, ParseBudget budget) {
        this.fingerprinter = fingerprinter;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.budget = budget;
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
        Object key = sql == null ? NULL_TEXT : new Key(TextKey.of(sql), dialect);
        Fingerprint fp = cache.get(key);
        if (fp != null) {
            hits++;
            return fp;
        }
        misses++;
        fp = sql == null ? fingerprinter.fingerprint(null) : byShape(sql, dialect);
        if (fp == null) {
            // no parse time left this second: read from tokens, and not kept, so that it is parsed later
            return truncated(fingerprinter.fingerprint(sql, dialect, 0));
        }
        cache.put(key, fp);
        bytes += bytes(key, fp);
        bytes = evictBeyondBounds(cache, bytes, maxBytes / 2);
        return fp;
    }

    private Fingerprint byShape(String sql, Dialect dialect) {
        DialectTokens read;
        Object shape;
        try {
            read = DialectTokens.of(sql, dialect);
            shape = TextShape.of(read, dialect);
        } catch (RuntimeException | StackOverflowError e) {
            parses++;
            return truncated(fingerprinter.fingerprint(sql, dialect)); // the fingerprinter survives any text
        }
        Fingerprint fp = byShape.get(shape);
        if (fp == null) {
            fp = parsedWithinBudget(sql, dialect, shape);
            if (fp == null) {
                return null;
            }
            byShape.put(shape, fp);
            shapeBytes += bytes(shape, fp);
            shapeBytes = evictBeyondBounds(byShape, shapeBytes, maxBytes / 2);
        } else if (fp.facts().hasOffset()) {
            fp = withBoundsOf(fp, read); // texts of one shape differ in their literals: an offset among them
        }
        return fp;
    }

    /**
     * The fingerprint of a new shape, parsed within what the budget grants; from tokens alone for a
     * shape that was too hard before; {@code null} when the budget grants nothing now.
     */
    private Fingerprint parsedWithinBudget(String sql, Dialect dialect, Object shape) {
        if (hardShapes.containsKey(shape)) {
            return truncated(fingerprinter.fingerprint(sql, dialect, 0));
        }
        long millis = budget.grant(StatementParser.BUDGET_MILLIS);
        if (millis == 0) {
            return null;
        }
        parses++;
        long start = budget.now();
        Fingerprint fp = truncated(fingerprinter.fingerprint(sql, dialect, millis));
        long took = budget.charge(start);
        if (!fp.parsed() && took >= TimeUnit.MILLISECONDS.toNanos(millis)) {
            if (millis < budget.fullGrant(StatementParser.BUDGET_MILLIS)) {
                // Cut short by what was left of this second, not by the text: on a loaded machine (a
                // cold JIT at start) a plain count(*) ran out of a 5 ms rest and lost its facts for good.
                return null;
            }
            hardShapes.put(shape, Boolean.TRUE); // ran out of all the time a parse gets: never again
        }
        return fp;
    }

    /** Parses refused because this second's parse budget was spent. */
    public long parsesDeferred() {
        return budget.denied();
    }

    /** {@code fp} with the page bounds of another text of its shape, read from that text's tokens. */
    private static Fingerprint withBoundsOf(Fingerprint fp, DialectTokens read) {
        try {
            SqlFacts facts = fp.facts().withPaging(fp.facts().paging().withBounds(PageTokens.read(read.tokens())));
            return new Fingerprint(fp.id(), fp.text(), fp.type(), fp.parsed(), facts);
        } catch (RuntimeException e) {
            return fp;
        }
    }

    /** Texts that had to be fingerprinted in full, a new shape each: the misses the shapes could not save. */
    public long parses() {
        return parses;
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

    /** Bytes the cached keys, shapes and fingerprints keep, as estimated. */
    public long bytes() {
        return bytes + shapeBytes;
    }

    public int size() {
        return cache.size();
    }

    /** Evicts the least recently used entries of {@code map} beyond the bounds; returns its bytes after. */
    private long evictBeyondBounds(LinkedHashMap<Object, Fingerprint> map, long mapBytes, long maxMapBytes) {
        Iterator<Map.Entry<Object, Fingerprint>> eldest = map.entrySet().iterator();
        while ((map.size() > maxEntries || mapBytes > maxMapBytes) && map.size() > 1 && eldest.hasNext()) {
            Map.Entry<Object, Fingerprint> e = eldest.next();
            mapBytes -= bytes(e.getKey(), e.getValue());
            eldest.remove();
            if (map == cache) {
                evictions++;
            }
        }
        return mapBytes;
    }

    /** {@code fp} with its text cut to {@value #MAX_STORED_TEXT} characters, saying so; its id unchanged. */
    static Fingerprint truncated(Fingerprint fp) {
        String text = fp.text();
        if (text.length() <= MAX_STORED_TEXT) {
            return fp;
        }
        String cut = text.substring(0, MAX_STORED_TEXT) + " … [cut: " + text.length() + " characters in all]";
        return new Fingerprint(fp.id(), cut, fp.type(), fp.parsed(), fp.facts());
    }

    /** Heap kept by one entry, roughly: the key, the fingerprint's text, its facts and the objects around them. */
    private static long bytes(Object key, Fingerprint fp) {
        if (key instanceof Key k) {
            key = k.text();
        } else if (key instanceof TextShape.Shape shape) {
            key = shape.text();
        }
        long facts = 64;
        for (String table : fp.facts().tables()) {
            facts += 48 + table.length();
        }
        for (String target : fp.facts().starTargets()) {
            facts += 48 + target.length();
        }
        return TextKey.bytes(key) + 48 + fp.text().length() + fp.id().length() + 40 + facts + 64;
    }

    /** A text (or its digest) as read in one dialect. */
    private record Key(Object text, Dialect dialect) {
    }
}
