package io.queryadvisor.advisor.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How numbers and long strings read in the human-readable reports (Markdown and HTML), so that
 * both show the same figure the same way. Locale-independent: a report reads alike on every machine.
 */
final class Figures {

    /** Shown for an absent value. */
    static final String NONE = "–";

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Figures() {
    }

    /** Milliseconds with at most two decimals and thousands grouped: {@code 1,234.57}. */
    static String millis(double millis) {
        return decimal(millis);
    }

    /** A count with thousands grouped: {@code 12,345}. */
    static String count(long count) {
        // DecimalFormat is not thread-safe, and a report is rare: a new one per call costs nothing that matters.
        return new DecimalFormat("#,##0", SYMBOLS).format(count);
    }

    /** An evidence value: integers as counts, other numbers with two decimals, anything else as its text. */
    static String value(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return count(((Number) value).longValue());
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            return new DecimalFormat("#,##0.##", SYMBOLS).format(value);
        }
        if (value instanceof Number n) {
            return decimal(n.doubleValue());
        }
        return value.toString();
    }

    /** {@code text} on one line: line breaks and tabs become spaces, so it fits a table cell or a heading. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    }

    /**
     * {@code text} cut to at most {@code max} characters, ending with an ellipsis when cut. Never
     * splits a surrogate pair, so an emoji or a CJK extension character survives intact.
     */
    static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String decimal(double value) {
        return new DecimalFormat("#,##0.##", SYMBOLS).format(value);
    }
}
