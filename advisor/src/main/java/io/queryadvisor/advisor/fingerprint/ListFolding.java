package io.queryadvisor.advisor.fingerprint;

import java.util.List;

/**
 * The folding rule shared by the deparser and the token normaliser: a list whose rendered items
 * are all the same ({@code IN (?, ?, ?)}, {@code VALUES (?, ?), (?, ?)}, {@code ARRAY[?, ?]})
 * becomes one item, so that its length no longer splits one query into many fingerprints. A list
 * of different items ({@code IN (?, a)}) is kept as it is.
 */
final class ListFolding {

    private ListFolding() {
    }

    static String join(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        String first = items.get(0);
        for (String item : items) {
            if (!item.equals(first)) {
                return String.join(", ", items);
            }
        }
        return first;
    }
}
