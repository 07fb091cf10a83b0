package io.queryadvisor.agent.instrument.servlet;

/**
 * Names an endpoint the way a developer would: {@code GET /orders/{id}/lines} for a call to
 * {@code /orders/123/lines?expand=true}. Segments that are numbers, UUIDs or long hexadecimal ids
 * become {@code {id}}, so one endpoint gives one name however many rows it serves, and the
 * advisor's per-endpoint state stays bounded by the application's routes, not by its data.
 *
 * <p>Runs once per incoming request (not per statement), on plain strings: one scan, one builder.
 */
final class EndpointNames {

    static final String ID = "{id}";

    /** Shorter all-hex segments are too often words ({@code cafe}, {@code add}) to be taken for ids. */
    private static final int MIN_HEX_ID_LENGTH = 16;
    private static final int UUID_LENGTH = 36;

    private EndpointNames() {
    }

    /** {@code method} and the normalised path of {@code uri}, e.g. {@code GET /orders/{id}}. */
    static String of(String method, String uri) {
        String path = uri == null ? "" : uri;
        int end = endOfPath(path);
        StringBuilder name = new StringBuilder(method == null ? 8 : method.length() + 1 + end);
        name.append(method == null ? "?" : method).append(' ');
        int start = 0;
        if (end == 0 || path.charAt(0) != '/') {
            name.append('/');
        }
        while (start <= end) {
            int slash = path.indexOf('/', start);
            int segmentEnd = slash < 0 || slash > end ? end : slash;
            appendSegment(name, path, start, segmentEnd);
            if (segmentEnd < end) {
                name.append('/');
            }
            start = segmentEnd + 1;
        }
        return name.toString();
    }

    /** Where the path ends: before any query string or fragment a caller left on it. */
    private static int endOfPath(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '?' || c == '#') {
                return i;
            }
        }
        return path.length();
    }

    /** Appends one segment, without its path parameters ({@code ;jsessionid=...}), or {@code {id}}. */
    private static void appendSegment(StringBuilder name, String path, int start, int end) {
        for (int i = start; i < end; i++) {
            if (path.charAt(i) == ';') {
                end = i;
                break;
            }
        }
        if (isId(path, start, end)) {
            name.append(ID);
        } else {
            name.append(path, start, end);
        }
    }

    private static boolean isId(String s, int start, int end) {
        int length = end - start;
        if (length == 0) {
            return false;
        }
        return isDigits(s, start, end)
                || length == UUID_LENGTH && isUuid(s, start)
                || length >= MIN_HEX_ID_LENGTH && isHex(s, start, end);
    }

    private static boolean isDigits(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code 8-4-4-4-12} hexadecimal digits. */
    private static boolean isUuid(String s, int start) {
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = s.charAt(start + i);
            boolean dashExpected = i == 8 || i == 13 || i == 18 || i == 23;
            if (dashExpected ? c != '-' : !isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ASCII only: {@link Character#digit} would also take full-width and other scripts' digits. */
    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
