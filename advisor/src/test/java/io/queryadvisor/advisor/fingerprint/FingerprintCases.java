package io.queryadvisor.advisor.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.queryadvisor.advisor.capture.Dialect;

/**
 * The fingerprint table, {@code fingerprint/cases.txt}: real statements with the fingerprint each
 * must have. The file's header explains its format.
 */
final class FingerprintCases {

    static final String RESOURCE = "/fingerprint/cases.txt";

    /** One row of the table. */
    record Case(String title, String sql, boolean parsed, StatementType type, String expected) {
        @Override
        public String toString() {
            return title;
        }

        /** The dialect the title names: {@code pg:}, {@code mysql:}, {@code h2:}; none for {@code garbage:}. */
        Dialect dialect() {
            String prefix = title.substring(0, Math.max(0, title.indexOf(':')));
            return switch (prefix) {
                case "pg" -> Dialect.POSTGRESQL;
                case "mysql" -> Dialect.MYSQL;
                case "h2" -> Dialect.H2;
                default -> Dialect.OTHER;
            };
        }
    }

    private FingerprintCases() {
    }

    static List<Case> load() {
        List<String> lines = readLines();
        List<Case> cases = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith("## ")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": text outside a case: " + line);
                }
                i++;
                continue;
            }
            String title = line.substring(3).strip();
            List<String> sql = new ArrayList<>();
            i++;
            while (i < lines.size() && !lines.get(i).startsWith(">> ")) {
                sql.add(lines.get(i++));
            }
            if (i + 1 >= lines.size()) {
                throw new IllegalStateException(RESOURCE + ": case '" + title + "' has no '>>' line and expectation");
            }
            String[] outcome = lines.get(i).substring(3).strip().split("\\s+");
            if (outcome.length != 2 || !(outcome[0].equals("parsed") || outcome[0].equals("fallback"))) {
                throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": expected '>> parsed|fallback TYPE'");
            }
            String expected = lines.get(i + 1);
            cases.add(new Case(title, String.join("\n", sql), outcome[0].equals("parsed"),
                    StatementType.valueOf(outcome[1]), expected.equals("(empty)") ? "" : expected));
            i += 2;
        }
        return cases;
    }

    private static List<String> readLines() {
        try (InputStream in = FingerprintCases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
