package io.queryadvisor.advisor.fingerprint;

/**
 * Where the OFFSET and the page size (LIMIT, FETCH FIRST) of a statement's outermost query come
 * from in one SQL text: a literal value written in the text, or a bind's position. Read from the
 * tokens of each distinct text ({@link PageTokens}), since texts that differ only in their literal
 * offset share one fingerprint.
 *
 * @param offsetValue the literal OFFSET, or -1 when it is a bind or absent
 * @param offsetBind  the JDBC parameter index (from 1) of a bound OFFSET, or 0 when it is a literal or absent
 * @param limitValue  the literal page size, or -1 when it is a bind or absent
 * @param limitBind   the JDBC parameter index (from 1) of a bound page size, or 0
 */
public record PageBounds(long offsetValue, int offsetBind, long limitValue, int limitBind) {

    public static final PageBounds NONE = new PageBounds(-1, 0, -1, 0);

    /** The OFFSET of one execution: its literal, else its bound value when sampled; -1 when not known. */
    public long offset(Object[] bindValues) {
        return valueOf(offsetValue, offsetBind, bindValues);
    }

    /** The page size of one execution, like {@link #offset}. */
    public long limit(Object[] bindValues) {
        return valueOf(limitValue, limitBind, bindValues);
    }

    private static long valueOf(long literal, int bind, Object[] bindValues) {
        if (literal >= 0) {
            return literal;
        }
        if (bind > 0 && bindValues != null && bind <= bindValues.length && bindValues[bind - 1] instanceof Number n) {
            return Math.max(-1, n.longValue());
        }
        return -1;
    }
}
