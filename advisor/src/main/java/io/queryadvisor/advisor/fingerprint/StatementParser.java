package io.queryadvisor.advisor.fingerprint;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.statement.Statement;

/**
 * Parses one statement with JSqlParser 5.3 on the calling thread.
 *
 * <p>{@code CCJSqlParserUtil.parse(String)} creates and shuts down a single-thread executor per
 * call, only to wait on it with a timeout: a thread start for each of the thousands of distinct
 * statements an application runs. Driving {@link CCJSqlParser} directly does the same parse
 * without it. What the timeout guarded against, pathological backtracking on texts JSqlParser
 * cannot parse, is handled in three ways instead: texts it certainly cannot parse are not tried
 * (see {@link #certainlyFails}); the backtracking "complex" mode is tried only on shallow
 * statements, with the depth limit {@code CCJSqlParserUtil} uses; and the {@link ParseWatchdog}
 * stops a parse that runs past {@link #BUDGET_MILLIS}. The caller also keeps texts short.
 */
public final class StatementParser {

    /**
     * Far above a real parse: tens to hundreds of microseconds once the JVM is warm, about 150 ms
     * for the very first one, which loads the parser's classes. Every statement that JSqlParser
     * cannot parse and that hits its exponential case costs this much once (then its fingerprint
     * is cached), so it stays well below a second.
     */
    static final long BUDGET_MILLIS = 500;

    private StatementParser() {
    }

    /**
     * The parse tree of {@code sql}, or null when JSqlParser cannot parse it within the budget: the
     * one way into JSqlParser for code outside the fingerprinter (a rule's rewriter), so that no
     * parse anywhere can run unbounded.
     */
    public static Statement parseBounded(String sql) {
        return parse(sql, SqlLexer.tokenize(sql));
    }

    /** The parsed statement, or null when JSqlParser cannot parse {@code sql}, lexed as {@code tokens}. */
    static Statement parse(String sql, List<SqlToken> tokens) {
        return parse(sql, tokens, BUDGET_MILLIS);
    }

    /** As {@link #parse(String, List)}, within {@code budgetMillis} (0: not tried). */
    static Statement parse(String sql, List<SqlToken> tokens, long budgetMillis) {
        if (budgetMillis <= 0 || certainlyFails(tokens)) {
            return null;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(budgetMillis, BUDGET_MILLIS));
        Statement statement = tryParse(sql, false, deadline);
        if (statement == null && CCJSqlParserUtil.getNestingDepth(sql) <= CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
            statement = tryParse(sql, true, deadline);
        }
        return statement;
    }

    /**
     * Texts JSqlParser 5.3 never parses, and on which a failing parse can cost seconds: pgjdbc's
     * escaped jsonb operators ({@code ??}, {@code ??|}, {@code ??&}) and unbalanced brackets.
     */
    static boolean certainlyFails(List<SqlToken> tokens) {
        int parentheses = 0;
        int brackets = 0;
        for (SqlToken token : tokens) {
            if (token.kind() == SqlToken.Kind.OPERATOR && token.text().startsWith("??")) {
                return true;
            }
            parentheses += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            brackets += token.isSymbol("[") ? 1 : token.isSymbol("]") ? -1 : 0;
            if (parentheses < 0 || brackets < 0) {
                return true;
            }
        }
        return parentheses != 0 || brackets != 0;
    }

    private static Statement tryParse(String sql, boolean complex, long deadline) {
        long budget = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (budget <= 0) {
            return null;
        }
        ScheduledFuture<?> alarm = null;
        try {
            CCJSqlParser parser = new CCJSqlParser(new StringProvider(sql)).withAllowComplexParsing(complex);
            alarm = ParseWatchdog.interruptAfter(parser, budget);
            Statement statement = parser.Statement();
            // an interrupted parse may have taken a wrong turn rather than failed; either way, no answer
            if (parser.interrupted) {
                return null;
            }
            // Statement() stops after one statement; anything left means it was not the whole text
            if (parser.token.kind != CCJSqlParserConstants.EOF
                    && parser.getNextToken().kind != CCJSqlParserConstants.EOF) {
                return null;
            }
            return statement;
        } catch (Exception | Error e) {
            // ParseException and TokenMgrException, but also what the generated parser throws on
            // inputs it was never tested with: runtime exceptions, plain Errors from JavaCC's
            // templates, a StackOverflowError on deep nesting. All mean "not parsed"; the
            // fallback fingerprints the statement instead.
            return null;
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
    }
}
