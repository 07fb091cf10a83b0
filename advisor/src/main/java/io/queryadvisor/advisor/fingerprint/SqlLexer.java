package io.queryadvisor.advisor.fingerprint;

import java.util.ArrayList;
import java.util.List;

import io.queryadvisor.advisor.fingerprint.SqlToken.Kind;

/**
 * A small SQL lexer for the dialects our users run (PostgreSQL, MySQL/MariaDB, H2): enough to
 * split statements, mask literals and normalise text when JSqlParser gives up, and to scrub the
 * deparser's output. It is total: every input, however broken, becomes a token list in one
 * linear pass, and an unterminated string or comment simply runs to the end of the text.
 *
 * <p>It reads a text in one of two {@link Reading}s, because where strings end depends on the
 * database: see {@link DialectTokens} for which reading a dialect gets.
 */
final class SqlLexer {

    /** How string literals are written. */
    enum Reading {
        /**
         * The SQL standard, as PostgreSQL (with its default {@code standard_conforming_strings}),
         * H2 and JSqlParser read it: {@code ''} is the only escape in {@code '...'}, a backslash is
         * a character; {@code "..."} is an identifier.
         */
        STANDARD,
        /**
         * MySQL and MariaDB (without {@code ANSI_QUOTES} or {@code NO_BACKSLASH_ESCAPES}): a
         * backslash escapes the next character in {@code '...'} and {@code "..."}, and
         * {@code "..."} is a string; {@code #} starts a comment.
         */
        MYSQL
    }

    /** Multi-character operators, longest first so that the first match is the longest. */
    private static final String[] OPERATORS = {
        "??|", "??&", "->>", "#>>", "<=>", "!~*",
        "??", "::", ":=", "->", "#>", "#-", "@>", "<@", "@@", "||", "&&", "<>", "!=", "<=", ">=",
        "<<", ">>", "~*", "!~", "=>",
    };

    private final String sql;
    private final int length;
    private final boolean mysql;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int pos;

    private SqlLexer(String sql, Reading reading) {
        this.sql = sql;
        this.length = sql.length();
        this.mysql = reading == Reading.MYSQL;
    }

    /** The tokens of {@code sql} in the {@link Reading#STANDARD standard} reading. */
    static List<SqlToken> tokenize(String sql) {
        return tokenize(sql, Reading.STANDARD);
    }

    static List<SqlToken> tokenize(String sql, Reading reading) {
        SqlLexer lexer = new SqlLexer(sql, reading);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < length) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-' || mysql && c == '#') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '\'' || mysql && c == '"') {
                string(pos, pos, mysql);
            } else if (startsPrefixedString(c)) {
                lexPrefixedString(c);
            } else if (c == '"' || c == '`') {
                quotedIdentifier(c);
            } else if (isDigit(c) || c == '.' && isDigit(peek(1))) {
                number();
            } else if (Character.isLetter(c) || c == '_') {
                word(Kind.WORD, pos);
            } else if (c == '$') {
                dollar();
            } else if (c == '?') {
                question();
            } else if (c == ':' && (Character.isLetter(peek(1)) || peek(1) == '_')) {
                word(Kind.PARAMETER, pos + 1);
            } else if (c == '@' && (Character.isLetter(peek(1)) || peek(1) == '_'
                    || peek(1) == '@' && Character.isLetter(peek(2)))) {
                // MySQL @user and @@system variables; PostgreSQL's @> is matched below
                word(Kind.WORD, pos + (peek(1) == '@' ? 2 : 1));
            } else if ("()[]{},;.".indexOf(c) >= 0) {
                add(Kind.PUNCTUATION, pos, pos + 1);
            } else {
                operator();
            }
        }
    }

    private char peek(int offset) {
        int at = pos + offset;
        return at >= 0 && at < length ? sql.charAt(at) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void add(Kind kind, int start, int end) {
        tokens.add(new SqlToken(kind, sql.substring(start, end), start, end));
        pos = end;
    }

    private void skipLineComment() {
        int end = sql.indexOf('\n', pos);
        pos = end < 0 ? length : end + 1;
    }

    private void skipBlockComment() {
        int end = sql.indexOf("*/", pos + 2);
        pos = end < 0 ? length : end + 2;
    }

    private boolean startsPrefixedString(char c) {
        if ("EeNnBbXx".indexOf(c) >= 0 && peek(1) == '\'') {
            // a prefix only at the start of a word: in "1E'x'" the E is no prefix
            return pos == 0 || !isWordPart(sql.charAt(pos - 1));
        }
        return (c == 'U' || c == 'u') && peek(1) == '&' && peek(2) == '\'';
    }

    private void lexPrefixedString(char prefix) {
        int quote = sql.indexOf('\'', pos);
        string(pos, quote, mysql || prefix == 'E' || prefix == 'e');
    }

    /**
     * A string from {@code start} whose opening quote ({@code '}, or {@code "} in MySQL) is at
     * {@code quote}; the quote doubled is an escaped quote.
     */
    private void string(int start, int quote, boolean backslashEscapes) {
        char delimiter = sql.charAt(quote);
        int i = quote + 1;
        while (i < length) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == delimiter) {
                if (i + 1 < length && sql.charAt(i + 1) == delimiter) {
                    i += 2;
                } else {
                    add(Kind.STRING, start, i + 1);
                    return;
                }
            } else {
                i++;
            }
        }
        add(Kind.STRING, start, Math.min(i, length));
    }

    /** A quoted identifier; the quote character doubled is an escaped quote. */
    private void quotedIdentifier(char quote) {
        int i = pos + 1;
        while (i < length) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < length && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                add(Kind.QUOTED_IDENTIFIER, pos, i + 1);
                return;
            }
            i++;
        }
        add(Kind.QUOTED_IDENTIFIER, pos, length);
    }

    private void number() {
        int i = pos;
        if (sql.charAt(i) == '0' && (peek(1) == 'x' || peek(1) == 'X') && isHexDigit(peek(2))) {
            i += 2;
            while (i < length && isHexDigit(sql.charAt(i))) {
                i++;
            }
            add(Kind.NUMBER, pos, i);
            return;
        }
        i = digits(i);
        if (i < length && sql.charAt(i) == '.') {
            i = digits(i + 1);
        }
        if (i < length && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < length && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < length && isDigit(sql.charAt(exponent))) {
                i = digits(exponent);
            }
        }
        add(Kind.NUMBER, pos, i);
    }

    private int digits(int from) {
        int i = from;
        while (i < length && isDigit(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** A word from the current position whose name part starts at {@code from}, after a sigil like {@code :} or {@code @}. */
    private void word(Kind kind, int from) {
        int i = from;
        while (i < length && isWordPart(sql.charAt(i))) {
            i++;
        }
        add(kind, pos, i);
    }

    /** {@code $1} is a bind; {@code $$...$$} and {@code $tag$...$tag$} are dollar-quoted strings. */
    private void dollar() {
        if (isDigit(peek(1))) {
            add(Kind.PARAMETER, pos, digits(pos + 1));
            return;
        }
        int i = pos + 1;
        if (i < length && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_')) {
            while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                i++;
            }
        }
        if (i < length && sql.charAt(i) == '$') {
            String delimiter = sql.substring(pos, i + 1);
            int close = sql.indexOf(delimiter, i + 1);
            add(Kind.STRING, pos, close < 0 ? length : close + delimiter.length());
            return;
        }
        add(Kind.OPERATOR, pos, pos + 1);
    }

    /**
     * pgjdbc reads {@code ?} as a bind and {@code ??} as an escaped literal {@code ?}, the jsonb
     * key-exists operator; {@code ?|} and {@code ?&} are jsonb operators in plain statements, but
     * {@code ?||} is a bind followed by concatenation.
     */
    private void question() {
        char next = peek(1);
        if (next == '?') {
            operator();
        } else if ((next == '|' || next == '&') && peek(2) != next) {
            add(Kind.OPERATOR, pos, pos + 2);
        } else if (isDigit(next)) {
            add(Kind.PARAMETER, pos, digits(pos + 1));
        } else {
            add(Kind.PARAMETER, pos, pos + 1);
        }
    }

    private void operator() {
        for (String op : OPERATORS) {
            if (sql.startsWith(op, pos)) {
                add(Kind.OPERATOR, pos, pos + op.length());
                return;
            }
        }
        add(Kind.OPERATOR, pos, pos + 1);
    }
}
