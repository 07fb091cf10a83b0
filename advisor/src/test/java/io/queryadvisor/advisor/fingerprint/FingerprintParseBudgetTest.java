package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The fingerprint cache within its parse budget, on a clock that moves {@value #TICK_MILLIS} ms at
 * each reading: each parse is charged one tick, whatever it really took.
 */
class FingerprintParseBudgetTest {

    private static final long TICK_MILLIS = 10;
    /** Fails to parse at once; the clock makes it look as if it had taken the whole of its time. */
    private static final String HARD = "SELECT FROM WHERE x";

    private final AtomicLong clock = new AtomicLong();

    private FingerprintCache cacheWithBudget(long millisPerSecond, long tickMillis, int maxEntries) {
        long tick = TimeUnit.MILLISECONDS.toNanos(tickMillis);
        return new FingerprintCache(new Fingerprinter(), maxEntries, FingerprintCache.DEFAULT_MAX_BYTES,
                new ParseBudget(millisPerSecond, () -> clock.getAndAdd(tick)));
    }

    @Test
    void aFloodOfDistinctShapesIsParsedNoFasterThanTheBudget() {
        FingerprintCache cache = cacheWithBudget(100, TICK_MILLIS, 10_000);
        for (int i = 0; i < 1_000; i++) {
            Fingerprint fp = cache.fingerprint("SELECT c" + i + " FROM t WHERE id = 1");
            assertThat(fp.text()).isEqualTo("SELECT c" + i + " FROM t WHERE id = ?");
        }

        // 100 ms a second, 10 ms a parse: at most 10 parses in each second the clock went through
        long seconds = TimeUnit.NANOSECONDS.toSeconds(clock.get()) + 1;
        assertThat(cache.parses()).isLessThanOrEqualTo(10 * seconds).isLessThan(1_000);
        assertThat(cache.parsesDeferred()).isPositive();
    }

    @Test
    void aTextDeferredForLackOfBudgetIsParsedOnceTheBudgetIsBack() {
        FingerprintCache cache = cacheWithBudget(TICK_MILLIS, TICK_MILLIS, 100);
        cache.fingerprint("SELECT a FROM t"); // spends this second's budget

        Fingerprint deferred = cache.fingerprint("SELECT b FROM t");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        Fingerprint later = cache.fingerprint("SELECT b FROM t");

        assertThat(deferred.parsed()).isFalse();
        assertThat(later.parsed()).isTrue();
    }

    @Test
    void aShapeWhoseParseRanOutOfTimeIsNeverParsedAgain() {
        // each parse is charged 600 ms, beyond the 500 ms a parse is granted
        FingerprintCache cache = cacheWithBudget(1_000_000, 600, 1);
        cache.fingerprint(HARD);
        long parses = cache.parses();
        cache.fingerprint("SELECT 1"); // evicts the hard text and its shape (one entry each)
        clock.addAndGet(TimeUnit.SECONDS.toNanos(10));

        Fingerprint again = cache.fingerprint(HARD);

        assertThat(again.parsed()).isFalse();
        assertThat(cache.parses()).isEqualTo(parses + 1); // only SELECT 1 was parsed since
    }

    @Test
    void aShapeCutShortByTheRestOfASecondsBudgetIsTriedAgain() {
        // 100 ms a second, 60 ms a parse: after one parse, the next is granted the 40 ms left, and "runs out"
        FingerprintCache cache = cacheWithBudget(100, 60, 100);
        cache.fingerprint("SELECT a FROM t");
        Fingerprint cutShort = cache.fingerprint(HARD);
        long parses = cache.parses();
        clock.addAndGet(TimeUnit.SECONDS.toNanos(10));

        cache.fingerprint(HARD);

        assertThat(cutShort.parsed()).isFalse();
        assertThat(cache.parses()).isEqualTo(parses + 1);
    }
}
