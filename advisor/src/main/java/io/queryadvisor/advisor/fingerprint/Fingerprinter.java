package io.queryadvisor.advisor.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.sf.jsqlparser.statement.Statement;

import io.queryadvisor.advisor.capture.Dialect;

/**
 * Turns SQL text into its {@link Fingerprint}: the statement's shape with literals and binds as
 * {@code ?}, lists folded, keywords upper case and names as written, plus its type and the
 * {@link SqlFacts} rules need.
 *
 * <p>Each statement of the text is parsed with JSqlParser and written back by a masking
 * deparser; what JSqlParser cannot parse (vendor syntax, pgjdbc's {@code ??}, {@code $1} binds,
 * garbage) is normalised from tokens by the same rules and marked {@code parsed=false}. Several
 * statements in one text are fingerprinted one by one and joined with {@code "; "}.
 *
 * <p>Every literal is masked, in every kind of statement: DDL and SET too, since
 * {@code CREATE ROLE ... PASSWORD '...'} and {@code COMMENT ... IS '...'} are schema statements
 * whose literals are secrets as often as anything else. Where a string ends depends on the
 * database ({@code 'it\'s'} and {@code "x"} are strings to MySQL only), so the text is read in
 * its {@link Dialect}; when that is not known, both ways ({@link DialectTokens}). A text that
 * JSqlParser would read otherwise than its database is normalised from tokens only.
 *
 * <p>Stateless and thread-safe. {@link #fingerprint} never throws: the advisor must survive any
 * text an application sends to its database.
 */
public final class Fingerprinter {

    /**
     * Longer texts go straight to the token fallback. JSqlParser's cost grows faster than the
     * length on some inputs, and generated SQL (huge IN lists, bulk inserts) is where such texts
     * come from; 20k characters is far above hand-written statements.
     */
    static final int DEFAULT_MAX_PARSED_LENGTH = 20_000;

    private static final Fingerprint EMPTY = new Fingerprint(idOf(""), "", StatementType.OTHER, false, SqlFacts.NONE);

    private final int maxParsedLength;

    public Fingerprinter() {
        this(DEFAULT_MAX_PARSED_LENGTH);
    }

    Fingerprinter(int maxParsedLength) {
        this.maxParsedLength = maxParsedLength;
    }

    /** The fingerprint of {@code sql} sent to a database of unknown dialect: masked for every reading. */
    public Fingerprint fingerprint(String sql) {
        return fingerprint(sql, Dialect.OTHER);
    }

    /** The fingerprint of {@code sql} as a database of {@code dialect} reads it; {@code OTHER} when not known. */
    public Fingerprint fingerprint(String sql, Dialect dialect) {
        return fingerprint(sql, dialect, StatementParser.BUDGET_MILLIS);
    }

    /**
     * As {@link #fingerprint(String, Dialect)}, parsing each statement of the text within
     * {@code parseMillis}; with 0, from its tokens only (never parsed).
     */
    public Fingerprint fingerprint(String sql, Dialect dialect, long parseMillis) {
        if (sql == null) {
            return EMPTY;
        }
        try {
            return fingerprintText(sql, dialect == null ? Dialect.OTHER : dialect, parseMillis);
        } catch (RuntimeException | Error e) {
            // Every step above handles its own failures; this is the net for a bug of ours, so that
            // it costs one fingerprint instead of the advisor's consumer thread. Nothing of the text
            // but its first word is kept: unmasked, it could hold anything.
            return unreadable(sql);
        }
    }

    /** {@code SELECT ...}: the first word, if it is one, and nothing else of a text we failed to read. */
    static Fingerprint unreadable(String sql) {
        String first = sql.strip().split("[^A-Za-z]", 2)[0].toUpperCase(Locale.ROOT);
        String text = first.isEmpty() ? "..." : first + " ...";
        return new Fingerprint(idOf(text), text, StatementType.OTHER, false, SqlFacts.NONE);
    }

    private Fingerprint fingerprintText(String sql, Dialect dialect, long parseMillis) {
        DialectTokens read = DialectTokens.of(sql, dialect);
        List<SqlToken> tokens = read.tokens();
        boolean parse = parseMillis > 0 && sql.length() <= maxParsedLength && read.readAsJSqlParserReads();
        List<Part> parts = new ArrayList<>(1);
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).isSymbol(";")) {
                if (i > start) {
                    List<SqlToken> statement = tokens.subList(start, i);
                    parts.add(parse ? parsed(sql, statement, parseMillis) : fallback(statement));
                }
                start = i + 1;
            }
        }
        return combine(parts);
    }

    /** One statement through JSqlParser; the fallback if it cannot parse it. */
    private static Part parsed(String sql, List<SqlToken> tokens, long parseMillis) {
        String text = sql.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
        Statement statement = StatementParser.parse(text, tokens, parseMillis);
        if (statement == null) {
            return fallback(tokens);
        }
        StatementType type = StatementTypes.of(statement);
        MaskedText masked = StatementMasker.handles(statement)
                ? StatementMasker.maskOr(statement, tokens)
                : TokenRenderer.render(tokens);
        SqlFacts facts;
        try {
            facts = TreeFacts.collect(statement, masked.literals());
        } catch (RuntimeException | StackOverflowError e) {
            // TablesNamesFinder refuses some statement kinds (CREATE INDEX, SET, EXECUTE...)
            facts = TokenFacts.collect(tokens, masked.literals());
        }
        try {
            facts = facts.withPaging(KeysetRewrite.of(statement, tokens, facts)); // last: it may change the tree
        } catch (RuntimeException | StackOverflowError e) {
            facts = facts.withPaging(KeysetRewrite.ofTokens(tokens, facts));
        }
        return new Part(masked.text(), type, true, facts);
    }

    private static Part fallback(List<SqlToken> tokens) {
        StatementType type = StatementTypes.of(tokens);
        MaskedText masked = TokenRenderer.render(tokens);
        SqlFacts facts = TokenFacts.collect(tokens, masked.literals());
        return new Part(masked.text(), type, false, facts.withPaging(KeysetRewrite.ofTokens(tokens, facts)));
    }

    private static Fingerprint combine(List<Part> parts) {
        if (parts.isEmpty()) {
            return EMPTY;
        }
        if (parts.size() == 1) {
            Part part = parts.get(0);
            return new Fingerprint(idOf(part.text()), part.text(), part.type(), part.parsed(), part.facts());
        }
        List<String> texts = new ArrayList<>(parts.size());
        boolean parsed = true;
        boolean selectStar = false;
        Set<String> starTargets = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        int literals = 0;
        boolean hasLimit = false;
        boolean hasOffset = false;
        for (Part part : parts) {
            texts.add(part.text());
            parsed &= part.parsed();
            SqlFacts facts = part.facts();
            selectStar |= facts.selectStar();
            starTargets.addAll(facts.starTargets());
            tables.addAll(facts.tables());
            literals += facts.literals();
            hasLimit |= facts.hasLimit();
            hasOffset |= facts.hasOffset();
        }
        String text = String.join("; ", texts);
        SqlFacts facts = new SqlFacts(selectStar, List.copyOf(starTargets), List.copyOf(tables), literals, hasLimit, hasOffset);
        return new Fingerprint(idOf(text), text, parts.get(0).type(), parsed, facts);
    }

    /** A stable short id of {@code text}: the first 16 hexadecimal digits of its SHA-256. */
    public static String idOf(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fingerprint of one statement of a text, before the statements are joined. */
    private record Part(String text, StatementType type, boolean parsed, SqlFacts facts) {
    }
}
