package io.queryadvisor.advisor.rules.literalparameters;

/**
 * How many different texts one fingerprint was sent as, counted by a 64-bit hash of each text in an
 * open-addressing set of longs: up to {@code max} texts (then the count stops there), in a table that
 * starts small and grows with the count, about {@code 16 * max} bytes at most. Texts are never kept.
 */
final class DistinctTexts {

    private static final int FIRST_CAPACITY = 16;

    private final int max;
    private long[] slots = new long[FIRST_CAPACITY];
    private int count;
    /** 0 is the empty slot: a text whose hash is 0 is counted here. */
    private boolean zeroSeen;

    DistinctTexts(int max) {
        this.max = max;
    }

    /** Counts {@code text} if it is new and the count has not reached its maximum. */
    void add(String text) {
        if (count >= max) {
            return;
        }
        long hash = hash(text);
        if (hash == 0) {
            if (!zeroSeen) {
                zeroSeen = true;
                count++;
            }
            return;
        }
        if ((count + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, hash)) {
            count++;
        }
    }

    int count() {
        return count;
    }

    /** Whether the count stopped at its maximum: there may be more. */
    boolean full() {
        return count >= max;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long hash : slots) {
            if (hash != 0) {
                insert(bigger, hash);
            }
        }
        slots = bigger;
    }

    private static boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == hash) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = hash;
        return true;
    }

    /** FNV-1a over the characters: 64 bits, so that two of a few hundred texts practically never collide. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
