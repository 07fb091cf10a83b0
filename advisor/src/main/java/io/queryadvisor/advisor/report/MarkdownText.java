package io.queryadvisor.advisor.report;

import java.util.regex.Pattern;

/**
 * Turns arbitrary strings (SQL, class names, rule titles) into Markdown that renders as the string
 * itself, following CommonMark and GitHub's table extension. SQL may hold any character, and a
 * stray {@code |} or backtick must not break a table or a code block on a review page.
 */
final class MarkdownText {

    /** Characters CommonMark lets us backslash-escape that could start markup inside a line. */
    private static final String INLINE_SPECIALS = "\\`*_[]<>|&~#";

    private static final Pattern NOT_A_LANGUAGE = Pattern.compile("[^A-Za-z0-9_+.#-]");

    private MarkdownText() {
    }

    /** Plain text on one line, every character that could be read as markup escaped. */
    static String text(String value) {
        String line = Figures.oneLine(value);
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (INLINE_SPECIALS.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * An inline code span on one line. Its fence is one backtick longer than the longest run of
     * backticks inside, and content that starts or ends with a backtick or a space is padded with
     * one space each side, which CommonMark strips again.
     */
    static String code(String value) {
        String line = Figures.oneLine(value);
        if (line.isEmpty()) {
            return "";
        }
        String fence = "`".repeat(longestRun(line, '`') + 1);
        boolean pad = line.startsWith("`") || line.endsWith("`")
                || (line.startsWith(" ") && line.endsWith(" ") && !line.isBlank());
        String inner = pad ? " " + line + " " : line;
        return fence + inner + fence;
    }

    /**
     * Cell content of a GitHub table. The table is split on {@code |} before code spans are read,
     * so a pipe must be escaped even inside a code span (the table extension then shows it bare).
     * Text from {@link #text} is already escaped; this is for code spans.
     */
    static String cellCode(String value) {
        return code(value).replace("|", "\\|");
    }

    /** A table row of already-formatted cells. */
    static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    /**
     * A fenced code block: the fence is longer than any run of backticks in the code, so no line
     * of it can close the block early; the language keeps only characters an info string allows.
     */
    static String codeBlock(String code, String language) {
        String body = code.replace("\r\n", "\n").replace('\r', '\n');
        String fence = "`".repeat(Math.max(3, longestRun(body, '`') + 1));
        String info = language == null ? "" : NOT_A_LANGUAGE.matcher(language).replaceAll("");
        return fence + info + "\n" + body + (body.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    private static int longestRun(String s, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
