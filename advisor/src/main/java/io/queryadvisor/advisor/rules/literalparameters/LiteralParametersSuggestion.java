package io.queryadvisor.advisor.rules.literalparameters;

import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.JavaNames;

/**
 * The fix for values written into SQL text: the statement with {@code ?} for each value (the
 * fingerprint, whose literals are already masked), bound with a PreparedStatement; and why, in the
 * terms of the database behind the data source.
 */
final class LiteralParametersSuggestion {

    private LiteralParametersSuggestion() {
    }

    static Suggestion of(LiteralTexts literal, Dialect dialect) {
        String sql = literal.fingerprint().text();
        StringBuilder text = new StringBuilder("Bind the values instead of writing them into the SQL: prepare the"
                + " statement with a ? for each value (as below) and set them with setLong, setString, setObject..."
                + " The application sent ").append(literal.texts().count())
                .append(literal.texts().full() ? " or more" : "")
                .append(" different texts of this one statement, so the database parses and plans each of them anew"
                        + " and keeps each in its caches, crowding out the statements that do repeat");
        text.append(switch (dialect) {
            case POSTGRESQL -> " (pgjdbc only prepares a statement on the server once the same text has run"
                    + " prepareThreshold times, 5 by default, which a text with its values in never does)";
            case MYSQL -> " (with Connector/J's useServerPrepStmts=true and cachePrepStmts=true, a bound statement is"
                    + " parsed once per connection)";
            case H2, OTHER -> "";
        });
        text.append("; and a value that comes from a user can change what the statement does: SQL injection.");
        if (sql.contains("IN (?)")) {
            text.append(" An IN list takes one ? per value").append(dialect == Dialect.POSTGRESQL
                    ? ", or = ANY(?) bound to one array (connection.createArrayOf) whatever the number of values" : "")
                    .append('.');
        }
        text.append(" With JPA, use parameters in JPQL (:name) or the Criteria API; with Spring's JdbcTemplate, pass"
                + " the values as arguments.");
        boolean query = literal.fingerprint().type() == StatementType.SELECT;
        String code = "try (PreparedStatement ps = connection.prepareStatement(" + JavaNames.stringLiteral(sql)
                + ")) {\n"
                + "    ps.setObject(1, firstValue); // one set per ?, in order\n"
                + (query ? "    try (ResultSet rs = ps.executeQuery()) {\n        // ...\n    }\n"
                        : "    ps.executeUpdate();\n")
                + "}";
        return Suggestion.withJava(text.toString(), code);
    }
}
