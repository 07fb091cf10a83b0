package io.queryadvisor.advisor.report;

/**
 * HTML escaping for every dynamic string of the HTML report. SQL and class names come from the
 * application and may hold anything, {@code <script>} included; escaped, they can only ever be text.
 */
final class HtmlText {

    private HtmlText() {
    }

    /**
     * {@code value} safe as element content and as a quoted attribute value. Control characters
     * that HTML forbids become U+FFFD, so a stray NUL in a statement cannot upset a parser.
     */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(isForbiddenControl(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F);
    }
}
