package io.queryadvisor.advisor.rules.support;

/**
 * Java made from SQL, for the code of a suggestion: names ({@code order_lines} is {@code orderLines})
 * and string literals.
 */
public final class JavaNames {

    private JavaNames() {
    }

    /**
     * A field name: the last part of {@code sqlName} in camel case ({@code shop."Order_Lines"} is
     * {@code orderLines}), or {@code fallback} when nothing of it makes one.
     */
    public static String field(String sqlName, String fallback) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : sqlName.substring(sqlName.lastIndexOf('.') + 1).toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : out.length() == 0 ? Character.toLowerCase(c) : c);
                upper = false;
            }
        }
        return out.length() > 0 && Character.isLetter(out.charAt(0)) ? out.toString() : fallback;
    }

    /** A class name: {@code order_lines} is {@code OrderLines}, or {@code fallback}. */
    public static String type(String sqlName, String fallback) {
        String field = field(sqlName, "");
        return field.isEmpty() ? fallback : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    /** {@code text} as a Java string literal, quotes included. */
    public static String stringLiteral(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
