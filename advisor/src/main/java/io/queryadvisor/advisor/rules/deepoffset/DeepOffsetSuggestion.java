package io.queryadvisor.advisor.rules.deepoffset;

import java.util.List;

import io.queryadvisor.advisor.rules.Suggestion;

/**
 * The fix for deep OFFSET pages: keyset pagination, written for the query (its columns, filter and
 * ORDER BY, from the fingerprint's {@code Paging}), and, when a count query runs beside every page,
 * the way out of it.
 */
final class DeepOffsetSuggestion {

    private DeepOffsetSuggestion() {
    }

    static Suggestion of(OffsetPages pages) {
        List<String> keys = pages.paging().sortKeys();
        StringBuilder text = new StringBuilder(512);
        text.append("Read each page after the last row of the previous one (keyset pagination) instead of skipping ")
                .append(pages.maxOffset()).append(" rows: the database reads and throws away every row of an OFFSET, ")
                .append("so a page costs more the deeper it is, while a keyset page starts at its first row through the ")
                .append("index, as fast on page 1,000 as on page 1.");
        if (!keys.isEmpty()) {
            text.append(" Keep the sort key of the page's last row (").append(String.join(", ", keys))
                    .append(", with a unique key last) and pass it as the ? of the seek; an index on those columns ")
                    .append("serves it. A \"next page\" link carries those values instead of a page number.");
        }
        if (pages.withCount() > 0) {
            text.append(" The count query beside every page counts every row of the filter again for each page:")
                    .append(" return a Slice (Spring Data's Slice<T> reads one row more to know whether a next page")
                    .append(" exists) or a keyset \"next\" link, and count once, or show an estimate, when a total")
                    .append(" is needed.");
        }
        String keyset = pages.paging().keysetSql();
        return keyset == null ? Suggestion.text(text.toString()) : Suggestion.withSql(text.toString(), keyset);
    }
}
