package io.queryadvisor.advisor.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON a database's {@code EXPLAIN} writes into plain Java values: an object becomes a
 * {@code Map<String, Object>} in document order, an array a {@code List<Object>}, a string a
 * {@code String}, a number a {@code Double}, {@code true}/{@code false} a {@code Boolean} and
 * {@code null} a {@code null}.
 *
 * <p>Why not Jackson, which the reports use: the probe's first {@code EXPLAIN} comes seconds into
 * the application's start, and Jackson's object mapper loads some 400 classes (a few MiB of the
 * JVM's memory and its share of two cores) to read one small document. This reader is one class.
 * Nesting is bounded ({@value #MAX_DEPTH} levels, far beyond any plan) so that no input can
 * overflow the probe thread's stack; anything else malformed is an {@link IllegalArgumentException}
 * that says what and where.
 */
final class PlanJson {

    static final int MAX_DEPTH = 1_000;

    private final String text;
    private int pos;

    private PlanJson(String text) {
        this.text = text;
    }

    /** The value {@code json} holds; an {@link IllegalArgumentException} when it is not one JSON value. */
    static Object parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("unreadable EXPLAIN output: none");
        }
        PlanJson reader = new PlanJson(json);
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.pos < json.length()) {
            throw reader.error("text after the value");
        }
        return value;
    }

    /** {@code value} as an object, or {@code null} when it is not one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** {@code value} as an array, or an empty one when it is not one. */
    @SuppressWarnings("unchecked")
    static List<Object> array(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** A scalar's text (a whole number without its ".0"); {@code null} for null, an object or an array. */
    static String text(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : d.toString();
        }
        return value instanceof String || value instanceof Boolean ? value.toString() : null;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("a value expected");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield number();
                }
                throw error("unexpected '" + c + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        pos++; // {
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (consume('}')) {
            return map;
        }
        do {
            skipWhitespace();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("a field name expected");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            map.put(name, value(depth + 1));
            skipWhitespace();
        } while (consume(','));
        expect('}');
        return map;
    }

    private List<Object> array(int depth) {
        pos++; // [
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (consume(']')) {
            return list;
        }
        do {
            list.add(value(depth + 1));
            skipWhitespace();
        } while (consume(','));
        expect(']');
        return list;
    }

    private String string() {
        pos++; // opening quote
        StringBuilder out = null; // only a string with escapes is copied char by char
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                String value = out == null ? text.substring(start, pos) : out.toString();
                pos++;
                return value;
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder(text.substring(start, pos));
                }
                out.append(escape());
            } else {
                if (out != null) {
                    out.append(c);
                }
                pos++;
            }
        }
        throw error("a string without its closing quote");
    }

    private char escape() {
        if (pos + 1 >= text.length()) {
            throw error("an escape cut short");
        }
        char c = text.charAt(pos + 1);
        pos += 2;
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (pos + 4 > text.length()) {
                    throw error("a \\u escape cut short");
                }
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(text.charAt(pos + i), 16); // no sign, unlike parseInt
                    if (digit < 0) {
                        throw error("a \\u escape that is not four hex digits");
                    }
                    code = code * 16 + digit;
                }
                pos += 4;
                yield (char) code;
            }
            default -> throw error("an unknown escape \\" + c);
        };
    }

    private Double number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return Double.valueOf(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("a malformed number");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        pos += word.length();
        return value;
    }

    private boolean consume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error("'" + c + "' expected");
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("unreadable EXPLAIN output: " + what + " at character " + pos
                + " of " + text.length());
    }
}
