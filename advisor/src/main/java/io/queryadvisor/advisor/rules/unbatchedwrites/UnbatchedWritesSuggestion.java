package io.queryadvisor.advisor.rules.unbatchedwrites;

import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.JavaNames;

/**
 * The fix for writes run row by row: one JDBC batch per {@code batchSize} rows, the driver switch
 * that makes a batch one round trip on the database behind the data source, and the Hibernate
 * settings that make it batch (and what stops it: IDENTITY ids).
 */
final class UnbatchedWritesSuggestion {

    private UnbatchedWritesSuggestion() {
    }

    static Suggestion of(UnbatchedWritesEvidence ev, Dialect dialect, int batchSize) {
        boolean inserts = ev.fingerprint().type() == StatementType.INSERT;
        StringBuilder text = new StringBuilder("Send these rows in JDBC batches, not one statement each: prepare the"
                + " statement once, addBatch() for each row and executeBatch() every ").append(batchSize)
                .append(" rows. Of the ").append(ev.units().total()).append(" statements seen, ")
                .append(ev.roundTripsSaved()).append(" round trips would have been saved. ");
        text.append(driver(dialect, inserts));
        text.append(" With JPA/Hibernate, set hibernate.jdbc.batch_size=").append(batchSize)
                .append(" (spring.jpa.properties.hibernate.jdbc.batch_size) with hibernate.order_inserts=true and"
                        + " hibernate.order_updates=true, so that the statements of one table are grouped into"
                        + " batches");
        if (inserts) {
            text.append("; Hibernate never batches the INSERTs of entities whose ids are GenerationType.IDENTITY"
                    + " (it needs each generated id at once): give them a SEQUENCE instead"
                    + " (@GeneratedValue(strategy = GenerationType.SEQUENCE) with an allocationSize of ")
                    .append(batchSize).append(')');
            if (dialect == Dialect.MYSQL) {
                text.append(", or, on MySQL, which has no sequences, insert them with JDBC batches");
            }
        }
        text.append('.');
        return Suggestion.withJava(text.toString(), code(ev.fingerprint().text(), batchSize));
    }

    private static String driver(Dialect dialect, boolean inserts) {
        return switch (dialect) {
            case POSTGRESQL -> inserts
                    ? "With PostgreSQL's driver, add reWriteBatchedInserts=true to the JDBC URL: pgjdbc then sends a"
                            + " batch of INSERTs as multi-row INSERTs."
                    : "PostgreSQL's driver sends the statements of a batch together, without waiting for each one.";
            case MYSQL -> "MySQL Connector/J sends a batch one statement at a time unless rewriteBatchedStatements=true"
                    + " is in the JDBC URL; MariaDB Connector/J 3 has no such option: it sends batched INSERTs with"
                    + " its bulk protocol by default (useBulkStmts=true does the same for UPDATE and DELETE).";
            case H2, OTHER -> "Check how your JDBC driver sends a batch: some need an option in the URL to send it in"
                    + " one round trip.";
        };
    }

    private static String code(String sql, int batchSize) {
        return "try (PreparedStatement ps = connection.prepareStatement(" + JavaNames.stringLiteral(sql) + ")) {\n"
                + "    int pending = 0;\n"
                + "    for (Row row : rows) {\n"
                + "        ps.setObject(1, row.first()); // ... one set per ?\n"
                + "        ps.addBatch();\n"
                + "        if (++pending == " + batchSize + ") {\n"
                + "            ps.executeBatch();\n"
                + "            pending = 0;\n"
                + "        }\n"
                + "    }\n"
                + "    if (pending > 0) {\n"
                + "        ps.executeBatch();\n"
                + "    }\n"
                + "}";
    }
}
