package io.queryadvisor.advisor.fingerprint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Best-effort {@link SqlFacts} from tokens, for statements JSqlParser cannot parse. It only claims
 * what tokens show safely: a table is the name right after FROM, JOIN, INTO, UPDATE, USING or
 * TABLE in query context (not inside a function's parentheses, so EXTRACT(YEAR FROM ts) is not
 * a table); a star is a {@code *} or {@code t.*} that makes up a whole select item, at its start
 * (right after SELECT or a comma of the select list) and followed by the item's end, where it
 * cannot be a multiplication. Anything less certain is left out.
 */
final class TokenFacts {

    private static final Set<String> TABLE_CLAUSES = Set.of(
        "FROM", "JOIN", "INTO", "UPDATE", "USING", "TABLE", "TRUNCATE");
    private static final Set<String> SELECT_LIST_ENDS = Set.of(
        "FROM", "INTO", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "FETCH", "UNION",
        "INTERSECT", "EXCEPT", "WINDOW", "FOR");
    private static final Set<String> ITEM_PREFIXES = Set.of("DISTINCT", "ALL", "ON", "TOP");

    private final List<SqlToken> tokens;
    private final Deque<Level> levels = new ArrayDeque<>();
    private final Set<String> tables = new LinkedHashSet<>();
    private final Set<String> cteNames = new HashSet<>();
    private final Set<String> starTargets = new LinkedHashSet<>();
    private boolean hasLimit;
    private boolean hasOffset;

    /** What one parenthesis level is: a query (or the statement itself) or something else. */
    private static final class Level {
        final boolean query;
        boolean inSelectList;
        boolean atItemStart;

        Level(boolean query) {
            this.query = query;
        }
    }

    private TokenFacts(List<SqlToken> tokens) {
        this.tokens = tokens;
        levels.push(new Level(true));
    }

    static SqlFacts collect(List<SqlToken> tokens, int literals) {
        TokenFacts facts = new TokenFacts(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            facts.visit(i);
        }
        facts.tables.removeAll(facts.cteNames);
        return new SqlFacts(!facts.starTargets.isEmpty(), List.copyOf(facts.starTargets), List.copyOf(facts.tables), literals,
                facts.hasLimit, facts.hasOffset);
    }

    private void visit(int i) {
        SqlToken token = tokens.get(i);
        Level level = levels.peek();
        if (token.isSymbol("(")) {
            // the parentheses of SELECT DISTINCT ON (...) do not start the first item
            level.atItemStart &= i > 0 && tokens.get(i - 1).isWord("ON");
            levels.push(new Level(i + 1 < tokens.size() && tokens.get(i + 1).startsQuery()));
            return;
        }
        if (token.isSymbol(")")) {
            if (levels.size() > 1) {
                levels.pop();
            }
            return;
        }
        if (!level.query) {
            return;
        }
        if (level.inSelectList) {
            selectListToken(level, i);
        }
        String word = token.kind() == SqlToken.Kind.WORD ? token.text().toUpperCase(Locale.ROOT) : "";
        switch (word) {
            case "SELECT" -> {
                level.inSelectList = true;
                level.atItemStart = true;
            }
            case "LIMIT" -> {
                hasLimit = true;
                hasOffset |= i + 2 < tokens.size() && tokens.get(i + 2).isSymbol(",");
            }
            case "TOP", "FETCH" -> hasLimit = true;
            case "OFFSET" -> hasOffset = true;
            default -> {
                if (TABLE_CLAUSES.contains(word) && !isDistinctFrom(i)) {
                    readTables(i + 1, word);
                } else if (token.isName() && i + 2 < tokens.size() && tokens.get(i + 1).isWord("AS")
                        && (tokens.get(i + 2).isSymbol("(") || tokens.get(i + 2).isWord("MATERIALIZED")
                        || tokens.get(i + 2).isWord("NOT"))) {
                    cteNames.add(tableName(i, i + 1));
                }
            }
        }
    }

    private void selectListToken(Level level, int i) {
        SqlToken token = tokens.get(i);
        if (token.isSymbol(",")) {
            level.atItemStart = true;
            return;
        }
        if (SELECT_LIST_ENDS.contains(token.text().toUpperCase(Locale.ROOT)) && token.kind() == SqlToken.Kind.WORD) {
            level.inSelectList = false;
            return;
        }
        if (!level.atItemStart) {
            return;
        }
        if (token.isSymbol("*") && endsItem(i + 1)) {
            starTargets.add("*");
        } else if (token.isName()) {
            int last = i;
            while (last + 2 < tokens.size() && tokens.get(last + 1).isSymbol(".") && tokens.get(last + 2).isName()) {
                last += 2;
            }
            if (last + 2 < tokens.size() && tokens.get(last + 1).isSymbol(".") && tokens.get(last + 2).isSymbol("*")
                    && endsItem(last + 3)) {
                starTargets.add(qualifier(i, last + 1));
            }
        }
        // SELECT DISTINCT *, SELECT ALL *, SELECT TOP 10 *: the item starts after the prefix
        boolean prefix = token.kind() == SqlToken.Kind.WORD && ITEM_PREFIXES.contains(token.text().toUpperCase(Locale.ROOT));
        boolean topCount = token.kind() == SqlToken.Kind.NUMBER && i > 0 && tokens.get(i - 1).isWord("TOP");
        level.atItemStart = prefix || topCount;
    }

    private boolean endsItem(int i) {
        if (i >= tokens.size()) {
            return true;
        }
        SqlToken token = tokens.get(i);
        return token.isSymbol(",") || token.isSymbol(")") || token.isSymbol(";")
                || token.kind() == SqlToken.Kind.WORD && SELECT_LIST_ENDS.contains(token.text().toUpperCase(Locale.ROOT));
    }

    /** {@code IS [NOT] DISTINCT FROM} compares; its FROM names no table. */
    private boolean isDistinctFrom(int i) {
        return tokens.get(i).isWord("FROM") && i > 1 && tokens.get(i - 1).isWord("DISTINCT")
                && (tokens.get(i - 2).isWord("IS") || tokens.get(i - 2).isWord("NOT"));
    }

    /** Reads the tables named from {@code i}: one, or after FROM a comma list {@code FROM a x, b y}. */
    private void readTables(int i, String clause) {
        // a name and "(" is a table function after FROM (generate_series(1, 3)), a column list after INTO
        boolean sources = clause.equals("FROM") || clause.equals("JOIN") || clause.equals("USING");
        int next = readTable(i, sources);
        while (clause.equals("FROM") && next >= 0) {
            next = skipAlias(next);
            if (next >= tokens.size() || !tokens.get(next).isSymbol(",")) {
                return;
            }
            next = readTable(next + 1, true);
        }
    }

    private int skipAlias(int i) {
        int next = i;
        if (next < tokens.size() && tokens.get(next).isWord("AS")) {
            next++;
        }
        if (next < tokens.size() && tokens.get(next).isName() && !Keywords.isKeyword(tokens.get(next))) {
            next++;
        }
        return next;
    }

    /** Reads the table named at {@code i}; returns the index after its name, or -1 if none is there. */
    private int readTable(int i, boolean source) {
        while (i < tokens.size() && (tokens.get(i).isWord("ONLY") || tokens.get(i).isWord("IF")
                || tokens.get(i).isWord("NOT") || tokens.get(i).isWord("EXISTS"))) {
            i++;
        }
        if (i >= tokens.size() || !tokens.get(i).isName() || Keywords.isKeyword(tokens.get(i))) {
            return -1;
        }
        int end = i + 1;
        while (end + 1 < tokens.size() && tokens.get(end).isSymbol(".") && tokens.get(end + 1).isName()) {
            end += 2;
        }
        if (end < tokens.size() && (source && tokens.get(end).isSymbol("(") || tokens.get(end).isSymbol("="))) {
            return -1; // a table function, or ON DUPLICATE KEY UPDATE's "column ="
        }
        tables.add(tableName(i, end));
        return end;
    }

    /** The name {@code tokens[from, to)} as a table: parts unquoted, lower case. */
    private String tableName(int from, int to) {
        StringBuilder name = new StringBuilder();
        for (int i = from; i < to; i++) {
            SqlToken part = tokens.get(i);
            name.append(part.kind() == SqlToken.Kind.QUOTED_IDENTIFIER ? unquote(part.text()) : part.text());
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }

    private String qualifier(int from, int to) {
        StringBuilder name = new StringBuilder();
        for (int i = from; i < to; i++) {
            name.append(tokens.get(i).text());
        }
        return name.toString();
    }

    static String unquote(String quoted) {
        if (quoted.length() >= 2) {
            char quote = quoted.charAt(0);
            if ((quote == '"' || quote == '`') && quoted.charAt(quoted.length() - 1) == quote) {
                return quoted.substring(1, quoted.length() - 1).replace(String.valueOf(quote) + quote, String.valueOf(quote));
            }
        }
        return quoted;
    }
}
