package io.queryadvisor.advisor.fingerprint;

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
 * without it. The timeout guarded against pathological inputs, so instead the caller keeps the
 * input short (see {@link Fingerprinter}), and the backtracking "complex" mode, whose cost can
 * grow exponentially with nesting, is tried only on shallow statements, with the same depth
 * limit {@code CCJSqlParserUtil} uses.
 */
final class StatementParser {

    private StatementParser() {
    }

    /** The parsed statement, or null when JSqlParser cannot parse it. Never throws. */
    static Statement parse(String sql) {
        Statement statement = tryParse(sql, false);
        if (statement == null && CCJSqlParserUtil.getNestingDepth(sql) <= CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
            statement = tryParse(sql, true);
        }
        return statement;
    }

    private static Statement tryParse(String sql, boolean complex) {
        try {
            CCJSqlParser parser = new CCJSqlParser(new StringProvider(sql)).withAllowComplexParsing(complex);
            Statement statement = parser.Statement();
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
        }
    }
}
