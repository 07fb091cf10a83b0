package io.queryadvisor.advisor.fingerprint;

import java.util.List;

/**
 * What the pagination rules need to know of a statement, from its one parse: whether its outermost
 * query reads a page by OFFSET, where that offset comes from, the keyset form of the same query, and
 * whether it is a page count ({@code SELECT count(*) FROM ...}).
 *
 * @param bounds     the OFFSET and page size of this very text (per text: literal offsets differ)
 * @param sortKeys   the ORDER BY of the paged query, as written with its directions, masked
 * @param keysetSql  the same query as a keyset page ({@code WHERE (sort_key, id) > (?, ?) ORDER BY ... LIMIT ?}),
 *                   or {@code null} when the statement is no OFFSET page or has no ORDER BY
 * @param countsRows the statement only counts rows: one {@code count(...)} item, no GROUP BY
 */
public record Paging(PageBounds bounds, List<String> sortKeys, String keysetSql, boolean countsRows) {

    public static final Paging NONE = new Paging(PageBounds.NONE, List.of(), null, false);

    public Paging {
        sortKeys = List.copyOf(sortKeys);
    }

    /** The same paging, with the bounds read from another text of the same shape. */
    public Paging withBounds(PageBounds other) {
        return new Paging(other, sortKeys, keysetSql, countsRows);
    }
}
