package io.queryadvisor.advisor.fingerprint;

import java.util.List;
import java.util.Locale;

import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.CreateFunctionalStatement;
import net.sf.jsqlparser.statement.ResetStatement;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.SavepointStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/** Classifies a statement, from its parse tree or, for the fallback, from its leading keywords. */
final class StatementTypes {

    /** JSqlParser keeps every schema statement in one of these packages. */
    private static final List<String> DDL_PACKAGES = List.of(
        "net.sf.jsqlparser.statement.create", "net.sf.jsqlparser.statement.alter",
        "net.sf.jsqlparser.statement.drop", "net.sf.jsqlparser.statement.truncate",
        "net.sf.jsqlparser.statement.comment");

    private StatementTypes() {
    }

    static StatementType of(Statement statement) {
        if (statement instanceof Select) {
            return StatementType.SELECT;
        } else if (statement instanceof Insert) {
            return StatementType.INSERT;
        } else if (statement instanceof Update) {
            return StatementType.UPDATE;
        } else if (statement instanceof Delete) {
            return StatementType.DELETE;
        } else if (statement instanceof Merge || statement instanceof Upsert) {
            return StatementType.MERGE;
        } else if (statement instanceof Execute) {
            return StatementType.CALL;
        } else if (statement instanceof Commit || statement instanceof RollbackStatement
                || statement instanceof SavepointStatement) {
            return StatementType.TRANSACTION;
        } else if (statement instanceof SetStatement || statement instanceof ResetStatement) {
            return StatementType.SET;
        } else if (statement instanceof CreateFunctionalStatement || isInDdlPackage(statement)) {
            return StatementType.DDL;
        }
        return StatementType.OTHER;
    }

    private static boolean isInDdlPackage(Statement statement) {
        String pkg = statement.getClass().getPackageName();
        for (String ddl : DDL_PACKAGES) {
            if (pkg.equals(ddl) || pkg.startsWith(ddl + ".")) {
                return true;
            }
        }
        return false;
    }

    /** The type by the first word; after {@code WITH}, by the first statement keyword outside parentheses. */
    static StatementType of(List<SqlToken> tokens) {
        int first = firstWord(tokens);
        if (first < 0) {
            return StatementType.OTHER;
        }
        String word = tokens.get(first).text().toUpperCase(Locale.ROOT);
        if (word.equals("WITH")) {
            return afterWith(tokens, first + 1);
        }
        return byKeyword(word);
    }

    private static int firstWord(List<SqlToken> tokens) {
        for (int i = 0; i < tokens.size() && i < 4; i++) {
            if (tokens.get(i).kind() == SqlToken.Kind.WORD) {
                return i;
            }
        }
        return -1;
    }

    private static StatementType afterWith(List<SqlToken> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.kind() == SqlToken.Kind.WORD) {
                StatementType type = byKeyword(token.text().toUpperCase(Locale.ROOT));
                if (type == StatementType.SELECT || type == StatementType.INSERT || type == StatementType.UPDATE
                        || type == StatementType.DELETE || type == StatementType.MERGE) {
                    return type;
                }
            }
        }
        return StatementType.SELECT;
    }

    private static StatementType byKeyword(String word) {
        return switch (word) {
            case "SELECT", "VALUES", "TABLE" -> StatementType.SELECT;
            case "INSERT" -> StatementType.INSERT;
            case "UPDATE" -> StatementType.UPDATE;
            case "DELETE" -> StatementType.DELETE;
            case "MERGE", "UPSERT", "REPLACE" -> StatementType.MERGE;
            case "CREATE", "ALTER", "DROP", "TRUNCATE", "COMMENT", "RENAME" -> StatementType.DDL;
            case "CALL", "EXEC", "EXECUTE" -> StatementType.CALL;
            case "BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "ABORT", "END" ->
                StatementType.TRANSACTION;
            case "SET", "RESET" -> StatementType.SET;
            default -> StatementType.OTHER;
        };
    }
}
