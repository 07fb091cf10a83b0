package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;

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

    @Test
    void keepsTheTextOfALongStatementCutAndSaysSo() {
        StringBuilder columns = new StringBuilder("c0");
        for (int i = 1; i < 10_000; i++) {
            columns.append(", c").append(i);
        }
        String longSql = "SELECT " + columns + " FROM t WHERE id = 1";

        Fingerprint fp = cache.fingerprint(longSql);

        assertThat(fp.text()).hasSizeLessThan(FingerprintCache.MAX_STORED_TEXT + 100).contains("[cut: ");
        assertThat(fp.id()).isEqualTo(new Fingerprinter().fingerprint(longSql).id());
    }

    @Test
    void tellsApartLongTextsThatDifferOnlyAtTheirEnd() {
        String prefix = "SELECT id FROM t WHERE a = 1 AND b IN (" + "1, ".repeat(10_000);

        Fingerprint one = cache.fingerprint(prefix + "2) AND c = ?");
        Fingerprint two = cache.fingerprint(prefix + "2) AND d = ?");

        assertThat(cache.misses()).isEqualTo(2);
        assertThat(one.id()).isNotEqualTo(two.id());
    }

    @Test
    void staysWithinItsBytesWhateverTheTexts() {
        FingerprintCache bounded = new FingerprintCache(new Fingerprinter(), 1_000_000, 1024 * 1024);

        for (int i = 0; i < 3_000; i++) {
            bounded.fingerprint("SELECT c" + i + " FROM t WHERE x = '" + "y".repeat(100_000) + "'");
        }

        assertThat(bounded.bytes()).isLessThanOrEqualTo(1024 * 1024);
        assertThat(bounded.evictions()).isPositive();
    }

    @Test
    void neverKeepsALongTextAlive() {
        String longSql = "SELECT id FROM t WHERE note = '" + "z".repeat(50_000) + "'";
        WeakReference<String> text = new WeakReference<>(longSql);
        cache.fingerprint(longSql);
        longSql = null;

        for (int i = 0; i < 50 && text.get() != null; i++) {
            System.gc();
        }

        assertThat(text.get()).as("the 50 KB text, after the cache saw it").isNull();
    }

    @Test
    void parsesEachShapeOnceHoweverManyLiteralsItIsWrittenWith() {
        FingerprintCache large = new FingerprintCache(new Fingerprinter(), 100_000);

        for (int i = 0; i < 1_000; i++) {
            large.fingerprint("SELECT id, total FROM orders WHERE id = " + i + " AND status = 'S" + (i % 7) + "'");
        }

        assertThat(large.misses()).isEqualTo(1_000);
        assertThat(large.parses()).isEqualTo(1);
    }

    @Test
    void givesEveryTextTheFingerprintAParseOfItWould() {
        FingerprintCache shared = new FingerprintCache(new Fingerprinter(), 100_000);
        Fingerprinter fresh = new Fingerprinter();

        for (FingerprintCases.Case c : FingerprintCases.load()) {
            String other = c.sql().replaceAll("\\b42\\b", "4242").replace("'a'", "'bb'");
            // under a heavy load a parse can run out of its budget on one side only: compare what both parsed
            for (String text : List.of(c.sql(), other)) {
                Fingerprint parsedFresh = FingerprintCache.truncated(fresh.fingerprint(text));
                Fingerprint cached = shared.fingerprint(text);
                if (parsedFresh.parsed() == cached.parsed()) {
                    assertThat(cached).as(c.title() + ": " + text).isEqualTo(parsedFresh);
                }
            }
        }
    }

    @Test
    void keysByDialectToo() {
        Fingerprint asMysql = cache.fingerprint("SELECT * FROM t WHERE a = \"x\"", Dialect.MYSQL);
        Fingerprint asPostgres = cache.fingerprint("SELECT * FROM t WHERE a = \"x\"", Dialect.POSTGRESQL);

        assertThat(asMysql.text()).isEqualTo("SELECT * FROM t WHERE a = ?");
        assertThat(asPostgres.text()).isEqualTo("SELECT * FROM t WHERE a = \"x\"");
        assertThat(cache.misses()).isEqualTo(2);
    }

    @Test
    void readsAStatementInTheDialectItsSourceWasIdentifiedWith() {
        String sql = "SELECT * FROM t WHERE a = \"x\"";
        cache.onEvent(new DatabaseIdentified("orders-pool", "PostgreSQL 16.2", "pgjdbc", "jdbc:postgresql://db/x", 1));

        assertThat(cache.fingerprintOf(executed(sql, "orders-pool")).text()).isEqualTo("SELECT * FROM t WHERE a = \"x\"");
        assertThat(cache.fingerprintOf(executed(sql, "unknown-pool")).text()).isEqualTo("SELECT * FROM t WHERE a = ?");
    }

    private static StatementExecuted executed(String sql, String source) {
        return new StatementExecuted(sql, StatementKind.QUERY, 1, 0, 0, 1, 1, 1, null, 1, 0, 1, "main", null, 0,
                List.of(), null, source, null);
    }
}
