package io.queryadvisor.advisor.rules.nplusone;

import java.util.List;

import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.rules.Suggestion;

/**
 * The fix for an N+1: one query instead of the loop. In SQL, a JOIN with the source query, or one
 * query for all keys (the statement rewritten by {@link NPlusOneRewriter} when that is safe, else
 * the same in words); with JPA, the ways to make Hibernate do either.
 */
final class NPlusOneSuggestion {

    private static final String JPA = " With JPA/Hibernate, load the association together with its parents:"
            + " JOIN FETCH in the query that loads them, or an @EntityGraph on the repository method; or let"
            + " Hibernate batch the lazy loads into IN queries with hibernate.default_batch_fetch_size (e.g. 50)"
            + " or @BatchSize on the association.";

    private NPlusOneSuggestion() {
    }

    static Suggestion of(NPlusOneEvidence evidence, Dialect dialect) {
        NPlusOneEvidence.Source source = evidence.source();
        NPlusOneRewriter.KeyRewrite rewrite = evidence.keyRewrite(dialect);
        String key = rewrite.keyColumn() == null ? "the key column" : rewrite.keyColumn();
        StringBuilder text = new StringBuilder("Run one query instead of one per row: ");
        if (source != null) {
            List<String> tables = evidence.fingerprint().facts().tables();
            text.append("JOIN ").append(tables.isEmpty() ? "what it loads" : tables.get(0))
                    .append(" into the query the loop runs over (").append(source.query().text()).append("), or ");
        }
        text.append("collect the keys and load the rows of all of them at once, with ");
        if (dialect == Dialect.POSTGRESQL) {
            text.append(key).append(" = ANY(?) bound to an array of the keys (connection.createArrayOf)");
        } else {
            text.append(key).append(" IN (?, ?, ...) with one parameter per key (in chunks of a few hundred keys)");
        }
        text.append(", then match the rows to their keys in memory.");
        if (rewrite.sql() == null) {
            text.append(" The statement is not rewritten here because ").append(rewrite.problem()).append('.');
        }
        text.append(JPA);
        return rewrite.sql() == null ? Suggestion.text(text.toString())
                : Suggestion.withSql(text.toString(), rewrite.sql());
    }
}
