package io.queryadvisor.advisor.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.queryadvisor.advisor.fingerprint.SqlToken.Kind;

/**
 * The tokens of a text whose dialect is not known, masked so that both readings are safe: what
 * the {@link SqlLexer.Reading#STANDARD standard} or the {@link SqlLexer.Reading#MYSQL MySQL}
 * reading takes for a string is one string here, however the two disagree on where it ends
 * ({@code 'it\'s hunter2'} is three tokens and an open string to one, one string to the other).
 *
 * <p>A {@code "..."} that both readings end at the same place is an identifier to PostgreSQL and
 * H2 and a string to MySQL. It stays a name only where MySQL could not read a string either, in
 * a clear name position ({@link #namePosition}); everywhere else it is masked, which costs a
 * PostgreSQL statement that quotes its names some precision and never leaks a MySQL literal.
 * The rest follows the standard reading.
 */
final class EitherReading {

    /** Words after which only a name can come, never a value: {@code FROM "t"}, {@code AS "alias"}. */
    private static final Set<String> BEFORE_NAMES = Set.of(
        "FROM", "JOIN", "INTO", "UPDATE", "TABLE", "VIEW", "INDEX", "EXISTS", "AS", "SEQUENCE", "SCHEMA",
        "REFERENCES", "CONSTRAINT", "COLUMN", "TRIGGER", "DATABASE", "ONLY", "SET");
    /** Words after which a name and {@code (} open a list of column names: {@code INSERT INTO t (...)}. */
    private static final Set<String> BEFORE_COLUMN_LISTS = Set.of("INTO", "TABLE", "EXISTS", "REFERENCES", "INDEX");
    /** Words before a {@code (} that opens a list of column names: {@code PRIMARY KEY (...)}. */
    private static final Set<String> COLUMN_LIST_KEYWORDS = Set.of("KEY", "UNIQUE");
    /** The words that start a clause; which one a token is in tells whether a list item is a table. */
    private static final Set<String> CLAUSES = Set.of(
        "SELECT", "FROM", "JOIN", "ON", "USING", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "WINDOW",
        "UNION", "INTERSECT", "EXCEPT", "VALUES", "SET", "RETURNING", "INTO", "UPDATE", "DELETE", "INSERT");

    private final List<SqlToken> tokens;
    /** For each token, the index of the innermost {@code (} it is inside, -1 at the top level. */
    private final int[] enclosing;
    /** For each token, the index of the first token of its statement. */
    private final int[] statementStart;
    /** For each token, the last clause word before it at its own bracket depth, or null. */
    private final String[] clause;

    private EitherReading(List<SqlToken> tokens) {
        this.tokens = tokens;
        this.enclosing = new int[tokens.size()];
        this.statementStart = new int[tokens.size()];
        this.clause = new String[tokens.size()];
        List<Integer> open = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        clauses.add(null);
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol(")") && !open.isEmpty()) {
                open.remove(open.size() - 1);
                clauses.remove(clauses.size() - 1);
            }
            enclosing[i] = open.isEmpty() ? -1 : open.get(open.size() - 1);
            statementStart[i] = start;
            clause[i] = clauses.get(clauses.size() - 1);
            if (token.isSymbol("(")) {
                open.add(i);
                clauses.add(null);
            } else if (token.isSymbol(";")) {
                open.clear();
                clauses.clear();
                clauses.add(null);
                start = i + 1;
            } else if (token.kind() == Kind.WORD && CLAUSES.contains(upper(token))) {
                clauses.set(clauses.size() - 1, upper(token));
            }
        }
    }

    /** The tokens of {@code sql}, read as {@code standard} and as {@code mysql}, merged as described above. */
    static List<SqlToken> tokens(String sql, List<SqlToken> standard, List<SqlToken> mysql) {
        List<int[]> strings = stringRanges(standard, mysql);
        List<SqlToken> merged = strings.isEmpty() ? standard : mergeStrings(sql, standard, strings);
        EitherReading reading = new EitherReading(merged);
        List<SqlToken> out = null;
        for (int i = 0; i < merged.size(); i++) {
            SqlToken token = merged.get(i);
            if (token.kind() == Kind.QUOTED_IDENTIFIER && token.text().startsWith("\"") && !reading.namePosition(i)) {
                if (out == null) {
                    out = new ArrayList<>(merged);
                }
                out.set(i, new SqlToken(Kind.STRING, token.text(), token.start(), token.end()));
            }
        }
        return out == null ? merged : out;
    }

    /**
     * The character ranges that are a string in either reading, overlapping ones joined, in
     * order; a MySQL {@code "..."} string that the standard reading takes for the very same
     * quoted identifier is left to the position rule.
     */
    private static List<int[]> stringRanges(List<SqlToken> standard, List<SqlToken> mysql) {
        List<int[]> ranges = new ArrayList<>();
        int s = 0;
        int m = 0;
        while (s < standard.size() || m < mysql.size()) {
            SqlToken next;
            boolean fromStandard = m >= mysql.size()
                    || s < standard.size() && standard.get(s).start() <= mysql.get(m).start();
            if (fromStandard) {
                next = standard.get(s++);
            } else {
                next = mysql.get(m++);
                if (next.kind() == Kind.STRING && sameQuotedIdentifier(standard, s, next)) {
                    continue;
                }
            }
            if (next.kind() == Kind.STRING) {
                add(ranges, next.start(), next.end());
            }
        }
        return ranges;
    }

    /** Whether the standard token just read (at {@code s - 1}) is a quoted identifier exactly where {@code string} is. */
    private static boolean sameQuotedIdentifier(List<SqlToken> standard, int s, SqlToken string) {
        if (s == 0) {
            return false;
        }
        SqlToken token = standard.get(s - 1);
        return token.kind() == Kind.QUOTED_IDENTIFIER && token.start() == string.start() && token.end() == string.end();
    }

    private static void add(List<int[]> ranges, int start, int end) {
        if (!ranges.isEmpty()) {
            int[] last = ranges.get(ranges.size() - 1);
            if (start < last[1]) {
                last[1] = Math.max(last[1], end);
                return;
            }
        }
        ranges.add(new int[] {start, end});
    }

    /**
     * The standard tokens, where every run of tokens that overlaps a string range is replaced by
     * one string covering the run and the range (and any range that run reaches into).
     */
    private static List<SqlToken> mergeStrings(String sql, List<SqlToken> standard, List<int[]> ranges) {
        List<SqlToken> out = new ArrayList<>(standard.size());
        int r = 0;
        int i = 0;
        while (i < standard.size()) {
            SqlToken token = standard.get(i);
            while (r < ranges.size() && ranges.get(r)[1] <= token.start()) {
                r++;
            }
            if (r >= ranges.size() || ranges.get(r)[0] >= token.end()) {
                out.add(token);
                i++;
                continue;
            }
            int start = Math.min(token.start(), ranges.get(r)[0]);
            int end = Math.max(token.end(), ranges.get(r)[1]);
            i++;
            boolean grew = true;
            while (grew) {
                grew = false;
                while (i < standard.size() && standard.get(i).start() < end) {
                    end = Math.max(end, standard.get(i++).end());
                    grew = true;
                }
                while (r + 1 < ranges.size() && ranges.get(r + 1)[0] < end) {
                    end = Math.max(end, ranges.get(++r)[1]);
                    grew = true;
                }
            }
            out.add(new SqlToken(Kind.STRING, sql.substring(start, end), start, end));
        }
        return out;
    }

    /**
     * Whether the {@code "..."} at {@code i} stands where MySQL could not read a string: part of a
     * qualified name or a call ({@code "s"."t"}, {@code "f"(}), after a word only a name follows
     * ({@link #BEFORE_NAMES}), in a FROM list, in a column list ({@code INSERT INTO t ("a", "b")},
     * {@code PRIMARY KEY ("a")}), or a column assigned in an UPDATE's or upsert's SET list.
     */
    private boolean namePosition(int i) {
        SqlToken before = i > 0 ? tokens.get(i - 1) : null;
        SqlToken after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        if (before != null && before.isSymbol(".") || after != null && (after.isSymbol(".") || after.isSymbol("("))) {
            return true;
        }
        if (before == null) {
            return false;
        }
        if (before.kind() == Kind.WORD && BEFORE_NAMES.contains(upper(before))) {
            // EXTRACT(YEAR FROM "2024-01-31"), TRIM(x FROM "...")
            return !(before.isWord("FROM") && after != null && after.isSymbol(")"));
        }
        if (before.isSymbol(",") && "FROM".equals(clause[i])) {
            return true; // FROM a, "b"
        }
        if (before.isSymbol("(") || before.isSymbol(",")) {
            return inColumnList(i) || before.isSymbol(",") && assignedInSetList(i, after);
        }
        return false;
    }

    private boolean inColumnList(int i) {
        int open = enclosing[i];
        if (open < 1) {
            return false;
        }
        SqlToken before = tokens.get(open - 1);
        if (before.kind() == Kind.WORD && COLUMN_LIST_KEYWORDS.contains(upper(before))) {
            return true;
        }
        if (!before.isName() || Keywords.isKeyword(before)) {
            return false;
        }
        int name = open - 1;
        while (name >= 2 && tokens.get(name - 1).isSymbol(".") && tokens.get(name - 2).isName()) {
            name -= 2;
        }
        SqlToken clause = name > 0 ? tokens.get(name - 1) : null;
        return clause != null && clause.kind() == Kind.WORD && BEFORE_COLUMN_LISTS.contains(upper(clause));
    }

    /** {@code UPDATE t SET a = 1, "b" = 2} and the SET lists of upserts, which only INSERT and UPDATE have. */
    private boolean assignedInSetList(int i, SqlToken after) {
        if (after == null || !after.isSymbol("=") || enclosing[i] >= 0) {
            return false;
        }
        SqlToken first = tokens.get(statementStart[i]);
        return first.isWord("UPDATE") || first.isWord("INSERT");
    }

    private static String upper(SqlToken word) {
        return word.text().toUpperCase(Locale.ROOT);
    }
}
