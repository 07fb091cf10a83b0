package io.queryadvisor.advisor.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.queryadvisor.advisor.capture.Dialect;

/**
 * The credential corpus, {@code fingerprint/credentials.txt}: statements whose literals hold
 * secrets, each secret containing {@link #SECRET_MARK}. The file's header explains its format.
 */
public final class CredentialStatements {

    /** Every secret of the corpus contains this; no output may. */
    public static final String SECRET_MARK = "hunter2";

    private static final String RESOURCE = "/fingerprint/credentials.txt";
    private static final Pattern SECRET = Pattern.compile("hunter2[-_]\\d+");

    /**
     * One statement of the corpus.
     *
     * @param dialect the dialect of the database it was sent to
     * @param sql     the statement as the application sent it
     * @param secret  its (first) secret, for messages
     */
    public record Statement(Dialect dialect, String sql, String secret) {
        @Override
        public String toString() {
            return dialect + " " + secret;
        }
    }

    private CredentialStatements() {
    }

    public static List<Statement> load() {
        List<Statement> statements = new ArrayList<>();
        List<String> lines = readLines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            Matcher secret = SECRET.matcher(line);
            if (colon < 0 || !secret.find()) {
                throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": expected '<dialect>: <sql with a secret>'");
            }
            statements.add(new Statement(dialect(line.substring(0, colon)), line.substring(colon + 2), secret.group()));
        }
        return statements;
    }

    private static Dialect dialect(String name) {
        return switch (name) {
            case "pg" -> Dialect.POSTGRESQL;
            case "mysql" -> Dialect.MYSQL;
            case "h2" -> Dialect.H2;
            case "other" -> Dialect.OTHER;
            default -> throw new IllegalStateException(RESOURCE + ": unknown dialect " + name);
        };
    }

    private static List<String> readLines() {
        try (InputStream in = CredentialStatements.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
