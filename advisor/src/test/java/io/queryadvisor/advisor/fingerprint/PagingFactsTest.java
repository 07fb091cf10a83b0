package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.Dialect;

/** What the fingerprint tells the pagination rules: where a page's OFFSET comes from, its keyset form, a count. */
class PagingFactsTest {

    private final Fingerprinter fingerprinter = new Fingerprinter();

    private Paging paging(String sql) {
        return fingerprinter.fingerprint(sql, Dialect.POSTGRESQL).facts().paging();
    }

    @Test
    void readsTheJdbcIndexesOfABoundLimitAndOffset() {
        PageBounds bounds = paging("SELECT id, name FROM products WHERE category = ? ORDER BY id LIMIT ? OFFSET ?").bounds();

        assertThat(bounds.limitBind()).isEqualTo(2);
        assertThat(bounds.offsetBind()).isEqualTo(3);
        assertThat(bounds.offset(new Object[] {"books", 20, 4000})).isEqualTo(4000);
        assertThat(bounds.offset(null)).as("an execution whose binds were not sampled").isEqualTo(-1);
    }

    @Test
    void readsTheOffsetAndFetchFirstHibernateWrites() {
        PageBounds bounds = paging("select p1_0.id,p1_0.name from products p1_0 order by p1_0.id offset ? rows fetch first ? rows only").bounds();

        assertThat(bounds.offsetBind()).isEqualTo(1);
        assertThat(bounds.limitBind()).isEqualTo(2);
    }

    @Test
    void readsMySqlsLimitWithOffsetFirst() {
        PageBounds bounds = fingerprinter.fingerprint("SELECT id FROM t ORDER BY id LIMIT 2000, 50", Dialect.MYSQL)
                .facts().paging().bounds();

        assertThat(bounds.offsetValue()).isEqualTo(2000);
        assertThat(bounds.limitValue()).isEqualTo(50);
    }

    @Test
    void readsTheLiteralOffsetOfEachTextOfOneShape() {
        FingerprintCache cache = new FingerprintCache(fingerprinter, 100);

        Fingerprint first = cache.fingerprint("SELECT id FROM orders ORDER BY id LIMIT 20 OFFSET 40", Dialect.POSTGRESQL);
        Fingerprint deep = cache.fingerprint("SELECT id FROM orders ORDER BY id LIMIT 20 OFFSET 4000", Dialect.POSTGRESQL);

        assertThat(deep.id()).isEqualTo(first.id());
        assertThat(cache.parses()).as("one shape, parsed once").isEqualTo(1);
        assertThat(first.facts().paging().bounds().offsetValue()).isEqualTo(40);
        assertThat(deep.facts().paging().bounds().offsetValue()).isEqualTo(4000);
    }

    @Test
    void ignoresTheOffsetOfASubquery() {
        Paging paging = paging("SELECT x.id FROM (SELECT id FROM t ORDER BY id LIMIT 10 OFFSET 5000) x");

        assertThat(paging.bounds()).isEqualTo(PageBounds.NONE);
        assertThat(paging.keysetSql()).isNull();
    }

    @Test
    void rewritesAnOffsetPageAsAKeysetPageOfTheSameQuery() {
        Paging paging = paging("SELECT id, status FROM orders WHERE customer_id = 7 ORDER BY created_at DESC, id DESC"
                + " LIMIT 20 OFFSET 4000");

        assertThat(paging.sortKeys()).containsExactly("created_at DESC", "id DESC");
        assertThat(paging.keysetSql()).isEqualTo("SELECT id, status FROM orders WHERE customer_id = ?"
                + " AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?");
    }

    @Test
    void addsTheIdAsTieBreakerWhenTheOrderIsNotUnique() {
        Paging paging = paging("select p.id, p.name from products p order by p.name offset ? rows fetch first ? rows only");

        assertThat(paging.keysetSql()).isEqualTo("SELECT p.id, p.name FROM products p WHERE (p.name, p.id) > (?, ?)"
                + " ORDER BY p.name, p.id LIMIT ?");
    }

    @Test
    void seeksPastOneKeyWithAPlainComparison() {
        Paging paging = paging("SELECT id, status FROM orders ORDER BY id DESC LIMIT ? OFFSET ?");

        assertThat(paging.keysetSql()).isEqualTo("SELECT id, status FROM orders WHERE id < ? ORDER BY id DESC LIMIT ?");
    }

    @Test
    void spellsOutTheSeekWhenTheKeysGoBothWays() {
        Paging paging = paging("SELECT id FROM orders WHERE status = ? OR status = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?");

        assertThat(paging.keysetSql()).isEqualTo("SELECT id FROM orders WHERE (status = ? OR status = ?)"
                + " AND (created_at < ? OR (created_at = ? AND id > ?)) ORDER BY created_at DESC, id LIMIT ?");
    }

    @Test
    void tellsAPageCountFromAnAggregateByGroup() {
        assertThat(paging("SELECT count(*) FROM orders WHERE customer_id = ?").countsRows()).isTrue();
        assertThat(paging("select count(p1_0.id) from products p1_0").countsRows()).isTrue();
        assertThat(paging("SELECT status, count(*) FROM orders GROUP BY status").countsRows()).isFalse();
        assertThat(paging("SELECT count(*) FROM orders GROUP BY status").countsRows()).isFalse();
    }
}
