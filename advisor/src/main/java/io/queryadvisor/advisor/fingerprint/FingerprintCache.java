package io.queryadvisor.advisor.fingerprint;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fingerprints by exact SQL text, least recently used evicted first, bounded both in entries and in
 * bytes. Parsing costs 100–400 µs a statement; an application runs a few hundred distinct texts, so
 * nearly every lookup hits.
 *
 * <p>A text not seen before is first reduced to its {@link TextShape} (lexed, not parsed); a text
 * whose shape was parsed already gets that fingerprint without a parse. Only a new shape is parsed.
 *
 * <p>Memory is bounded by bytes, not only by count, whatever the texts: a long text is keyed by a
 * digest (see {@link TextKey}), and a fingerprint's text is kept to {@value #MAX_STORED_TEXT}
 * characters, marked as cut (its id still comes from the whole text, so two long statements that
 * differ only at their end stay two fingerprints).
 *
 * <p>Not thread-safe, by design: only the advisor's consumer thread fingerprints.
 */
public final class FingerprintCache {

    /** Characters of a fingerprint's text that are kept; what a person can read of a statement. */
    public static final int MAX_STORED_TEXT = 4_096;
    static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    private static final Object NULL_TEXT = new Object();

    private final Fingerprinter fingerprinter;
    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<Object, Fingerprint> cache = new LinkedHashMap<>(256, 0.75f, true);
    private final LinkedHashMap<Object, Fingerprint> byShape = new LinkedHashMap<>(256, 0.75f, true);
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
        this.fingerprinter = fingerprinter;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    public Fingerprint fingerprint(String sql) {
        Object key = sql == null ? NULL_TEXT : TextKey.of(sql);
        Fingerprint fp = cache.get(key);
        if (fp != null) {
            hits++;
            return fp;
        }
        misses++;
        fp = sql == null ? fingerprinter.fingerprint(null) : byShape(sql);
        cache.put(key, fp);
        bytes += bytes(key, fp);
        bytes = evictBeyondBounds(cache, bytes, maxBytes / 2);
        return fp;
    }

    private Fingerprint byShape(String sql) {
        Object shape;
        try {
            shape = TextKey.of(TextShape.of(sql));
        } catch (RuntimeException | StackOverflowError e) {
            parses++;
            return truncated(fingerprinter.fingerprint(sql)); // the fingerprinter survives any text
        }
        Fingerprint fp = byShape.get(shape);
        if (fp == null) {
            parses++;
            fp = truncated(fingerprinter.fingerprint(sql));
            byShape.put(shape, fp);
            shapeBytes += bytes(shape, fp);
            shapeBytes = evictBeyondBounds(byShape, shapeBytes, maxBytes / 2);
        }
        return fp;
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
        long facts = 64;
        for (String table : fp.facts().tables()) {
            facts += 48 + table.length();
        }
        for (String target : fp.facts().starTargets()) {
            facts += 48 + target.length();
        }
        return TextKey.bytes(key) + 48 + fp.text().length() + fp.id().length() + 40 + facts + 64;
    }
}
