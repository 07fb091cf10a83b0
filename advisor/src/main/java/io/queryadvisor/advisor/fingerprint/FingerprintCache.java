package io.queryadvisor.advisor.fingerprint;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fingerprints by exact SQL text, least recently used evicted first, bounded both in entries and in
 * bytes. Parsing costs 100–400 µs a statement; an application runs a few hundred distinct texts, so
 * nearly every lookup hits.
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
    private long bytes;
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
        fp = truncated(fingerprinter.fingerprint(sql));
        cache.put(key, fp);
        bytes += bytes(key, fp);
        evictBeyondBounds();
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

    /** Bytes the cached keys and fingerprints keep, as estimated. */
    public long bytes() {
        return bytes;
    }

    public int size() {
        return cache.size();
    }

    private void evictBeyondBounds() {
        Iterator<Map.Entry<Object, Fingerprint>> eldest = cache.entrySet().iterator();
        while ((cache.size() > maxEntries || bytes > maxBytes) && cache.size() > 1 && eldest.hasNext()) {
            Map.Entry<Object, Fingerprint> e = eldest.next();
            bytes -= bytes(e.getKey(), e.getValue());
            eldest.remove();
            evictions++;
        }
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
