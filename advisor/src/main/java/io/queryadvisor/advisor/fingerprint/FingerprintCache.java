package io.queryadvisor.advisor.fingerprint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fingerprints by exact SQL text, least recently used evicted first. Parsing costs 100–400 µs a
 * statement; an application runs a few hundred distinct texts, so nearly every lookup hits.
 *
 * <p>Not thread-safe, by design: only the advisor's consumer thread fingerprints.
 */
public final class FingerprintCache {

    private final Fingerprinter fingerprinter;
    private final LinkedHashMap<String, Fingerprint> cache;
    private long hits;
    private long misses;
    private long evictions;

    public FingerprintCache(Fingerprinter fingerprinter, int maxEntries) {
        this.fingerprinter = fingerprinter;
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Fingerprint> eldest) {
                if (size() > maxEntries) {
                    evictions++;
                    return true;
                }
                return false;
            }
        };
    }

    public Fingerprint fingerprint(String sql) {
        Fingerprint fp = cache.get(sql);
        if (fp != null) {
            hits++;
            return fp;
        }
        misses++;
        fp = fingerprinter.fingerprint(sql);
        cache.put(sql, fp);
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
}
