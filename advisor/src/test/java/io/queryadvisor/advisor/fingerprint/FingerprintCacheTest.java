package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cache counts what it saves and forgets the least recently used text first. */
class FingerprintCacheTest {

    private final FingerprintCache cache = new FingerprintCache(new Fingerprinter(), 2);

    @Test
    void countsAMissThenHitsForTheSameText() {
        Fingerprint first = cache.fingerprint("SELECT * FROM t WHERE id = 1");
        Fingerprint again = cache.fingerprint("SELECT * FROM t WHERE id = 1");

        assertThat(again).isSameAs(first);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.evictions()).isZero();
    }

    @Test
    void keysByExactTextNotByFingerprint() {
        Fingerprint one = cache.fingerprint("SELECT * FROM t WHERE id = 1");
        Fingerprint two = cache.fingerprint("SELECT * FROM t WHERE id = 2");

        assertThat(two.id()).isEqualTo(one.id());
        assertThat(cache.misses()).isEqualTo(2);
        assertThat(cache.hits()).isZero();
    }

    @Test
    void evictsTheLeastRecentlyUsedTextBeyondItsSize() {
        cache.fingerprint("SELECT 1");
        cache.fingerprint("SELECT 2");
        cache.fingerprint("SELECT 1");
        cache.fingerprint("SELECT 3");

        assertThat(cache.evictions()).isEqualTo(1);
        cache.fingerprint("SELECT 1");
        assertThat(cache.hits()).isEqualTo(2);
        cache.fingerprint("SELECT 2");
        assertThat(cache.misses()).isEqualTo(4);
        assertThat(cache.evictions()).isEqualTo(2);
    }

    @Test
    void cachesTheFingerprintOfNull() {
        cache.fingerprint(null);
        cache.fingerprint(null);

        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }
}
