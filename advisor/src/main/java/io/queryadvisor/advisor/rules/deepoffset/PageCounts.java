package io.queryadvisor.advisor.rules.deepoffset;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Which OFFSET pages ran in the same unit of work (one connection checkout, from
 * {@code getConnection} to {@code close}) as a count query on the same table: a "page N of M"
 * that counts every row of its filter again for every page. Either may come first (Spring Data's
 * {@code Page} reads the page, then the count).
 *
 * <p>Bounded: at most {@code maxConnections} open connections (the least recently used forgotten
 * first), {@value #MAX_PER_CONNECTION} tables and pages each.
 */
final class PageCounts {

    static final int MAX_PER_CONNECTION = 16;

    /** What one checkout has run so far: counts by table, and pages not matched to a count yet. */
    private static final class Checkout {
        final Map<String, String> countByTable = new HashMap<>();
        final Map<String, PendingPage> pendingPages = new HashMap<>();
    }

    private record PendingPage(String table, int executions) {
    }

    private final int maxConnections;
    private final LinkedHashMap<Long, Checkout> byConnection = new LinkedHashMap<>(64, 0.75f, true);

    PageCounts(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /**
     * A page of {@code fingerprintId} on {@code table} ran on {@code connectionId}; {@code matched} hears
     * of it at once when that checkout counted the table already.
     */
    void page(long connectionId, String fingerprintId, String table, BiConsumer<String, String> matched) {
        Checkout checkout = checkout(connectionId);
        String count = checkout.countByTable.get(table);
        if (count != null) {
            matched.accept(fingerprintId, count);
        } else if (checkout.pendingPages.size() < MAX_PER_CONNECTION || checkout.pendingPages.containsKey(fingerprintId)) {
            PendingPage before = checkout.pendingPages.get(fingerprintId);
            checkout.pendingPages.put(fingerprintId, new PendingPage(table, before == null ? 1 : before.executions() + 1));
        }
    }

    /** A count query on {@code table} ran on {@code connectionId}: the pages of that table waiting for one are matched. */
    void count(long connectionId, String table, String countFingerprint, BiConsumer<String, String> matched) {
        Checkout checkout = checkout(connectionId);
        if (checkout.countByTable.size() < MAX_PER_CONNECTION) {
            checkout.countByTable.put(table, countFingerprint);
        }
        Iterator<Map.Entry<String, PendingPage>> pages = checkout.pendingPages.entrySet().iterator();
        while (pages.hasNext()) {
            Map.Entry<String, PendingPage> page = pages.next();
            if (page.getValue().table().equals(table)) {
                for (int i = 0; i < page.getValue().executions(); i++) {
                    matched.accept(page.getKey(), countFingerprint);
                }
                pages.remove();
            }
        }
    }

    /** The checkout ended: what it ran is one unit of work no more. */
    void released(long connectionId) {
        byConnection.remove(connectionId);
    }

    int connections() {
        return byConnection.size();
    }

    private Checkout checkout(long connectionId) {
        Checkout checkout = byConnection.get(connectionId);
        if (checkout == null) {
            if (byConnection.size() >= maxConnections) {
                Iterator<Long> eldest = byConnection.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            checkout = new Checkout();
            byConnection.put(connectionId, checkout);
        }
        return checkout;
    }
}
