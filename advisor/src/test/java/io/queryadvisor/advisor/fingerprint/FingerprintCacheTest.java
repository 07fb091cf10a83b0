package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

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
