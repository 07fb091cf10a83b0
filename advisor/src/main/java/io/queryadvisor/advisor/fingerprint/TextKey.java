package io.queryadvisor.advisor.fingerprint;

/**
 * What the fingerprint cache keys a SQL text by: the text itself when it is short, else a 128-bit
 * digest of it, so that the cache never keeps an application's 100 KB statement alive for the sake
 * of a lookup. Two independent 64-bit hashes over the characters make a collision between two of
 * the few thousand long texts an application runs about as likely as a hardware fault.
 */
final class TextKey {

    /** Texts up to this length are their own key: a digest costs more than it saves below it. */
    static final int DIGEST_ABOVE = 512;

    private TextKey() {
    }

    /** The key of {@code sql}: a String or a {@link Digest}, either with value equality. */
    static Object of(String sql) {
        return sql.length() <= DIGEST_ABOVE ? sql : Digest.of(sql);
    }

    /** Bytes the key keeps on the heap, roughly (compact Latin-1 strings count one byte a char). */
    static long bytes(Object key) {
        return key instanceof String s ? 40L + s.length() : 40L;
    }

    /** A long text's digest: FNV-1a and a multiplicative mix over its characters, and its length. */
    record Digest(long fnv, long mix, int length) {

        static Digest of(String sql) {
            long fnv = 0xcbf29ce484222325L;
            long mix = 0x9E3779B97F4A7C15L;
            for (int i = 0; i < sql.length(); i++) {
                char c = sql.charAt(i);
                fnv = (fnv ^ c) * 0x100000001b3L;
                mix = Long.rotateLeft(mix ^ (c * 0xC2B2AE3D27D4EB4FL), 31) * 0x165667B19E3779F9L;
            }
            return new Digest(fnv, mix, sql.length());
        }
    }
}
