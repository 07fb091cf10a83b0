package io.queryadvisor.advisor.fingerprint;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * {@link SqlFacts} from a parse tree. JSqlParser's {@link TablesNamesFinder} already walks every
 * corner of a statement — subqueries in any expression, CTEs, UNION branches, derived and
 * lateral tables, the targets of INSERT, UPDATE, DELETE and MERGE — so this class rides on its
 * traversal and only adds what it sees on the way: each select list's stars, each query's
 * LIMIT/OFFSET/FETCH/TOP, and the tables in the order they appear (the finder keeps a hash set);
 * the columns of a top-level UPDATE or DELETE come from {@link WriteColumns}.
 *
 * <p>One instance collects one statement. The finder throws for statement kinds it does not
 * support; the caller then falls back to {@link TokenFacts}.
 */
final class TreeFacts extends TablesNamesFinder<Void> {

    private final Set<String> tables = new LinkedHashSet<>();
    private final Set<String> cteNames = new HashSet<>();
    private final Set<String> starTargets = new LinkedHashSet<>();
    private boolean hasLimit;
    private boolean hasOffset;

    private TreeFacts() {
    }

    static SqlFacts collect(Statement statement, int literals) {
        TreeFacts facts = new TreeFacts();
        facts.init(false);
        statement.accept(facts, null);
        facts.tables.removeAll(facts.cteNames);
        return new SqlFacts(!facts.starTargets.isEmpty(), List.copyOf(facts.starTargets), List.copyOf(facts.tables), literals,
                facts.hasLimit, facts.hasOffset, WriteColumns.set(statement), WriteColumns.whereEquals(statement));
    }

    @Override
    public <S> Void visit(Table table, S context) {
        tables.add(nameOf(table));
        return null;
    }

    @Override
    public <S> Void visit(WithItem<?> withItem, S context) {
        if (withItem.getAlias() != null) {
            cteNames.add(withItem.getAlias().getName().toLowerCase(Locale.ROOT));
        }
        return super.visit(withItem, context);
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        noteBounds(select);
        if (select.getTop() != null) {
            hasLimit = true;
        }
        if (select.getSelectItems() != null) {
            for (SelectItem<?> item : select.getSelectItems()) {
                // only a whole item counts: the * of COUNT(*) is an argument, not a select list star
                if (item.getExpression() instanceof AllTableColumns columns) {
                    starTargets.add(columns.getTable().getFullyQualifiedName());
                } else if (item.getExpression() instanceof AllColumns) {
                    starTargets.add("*");
                }
            }
        }
        return super.visit(select, context);
    }

    @Override
    public <S> Void visit(SetOperationList list, S context) {
        noteBounds(list);
        return super.visit(list, context);
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        noteBounds(select);
        return super.visit(select, context);
    }

    @Override
    public <S> Void visit(Update update, S context) {
        noteLimit(update.getLimit());
        return super.visit(update, context);
    }

    @Override
    public <S> Void visit(Delete delete, S context) {
        noteLimit(delete.getLimit());
        return super.visit(delete, context);
    }

    private void noteBounds(Select select) {
        noteLimit(select.getLimit());
        if (select.getFetch() != null) {
            hasLimit = true;
        }
        if (select.getOffset() != null) {
            hasOffset = true;
        }
    }

    /** MySQL's {@code LIMIT 20, 10} is an offset too; {@code LIMIT ALL} and {@code LIMIT NULL} bound nothing. */
    private void noteLimit(Limit limit) {
        if (limit == null) {
            return;
        }
        Expression rowCount = limit.getRowCount();
        if (rowCount != null && !(rowCount instanceof AllValue) && !(rowCount instanceof NullValue)) {
            hasLimit = true;
        }
        if (limit.getOffset() != null) {
            hasOffset = true;
        }
    }

    /** The table's name as written, without quotes, lower case: {@code "Public"."Users"} is {@code public.users}. */
    private static String nameOf(Table table) {
        String name = table.getFullyQualifiedName();
        StringBuilder plain = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '"' && c != '`' && c != '[' && c != ']') {
                plain.append(c);
            }
        }
        return plain.toString().toLowerCase(Locale.ROOT);
    }
}
