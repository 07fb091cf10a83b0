package io.queryadvisor.testing;

import java.util.Map;
import java.util.Optional;

/**
 * The database the environment names: CI points the tests at its PostgreSQL service this way,
 * and a developer can point them at any PostgreSQL.
 */
final class EnvironmentDatabase {

    static final String URL = "QUERYADVISOR_TEST_JDBC_URL";
    static final String USER = "QUERYADVISOR_TEST_USER";
    static final String PASSWORD = "QUERYADVISOR_TEST_PASSWORD";

    private EnvironmentDatabase() {
    }

    /** The coordinates the variables give, or empty when {@value #URL} is unset or blank. */
    static Optional<DatabaseCoordinates> from(Map<String, String> environment) {
        String url = environment.get(URL);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String user = environment.getOrDefault(USER, "");
        return Optional.of(new DatabaseCoordinates(url.trim(), user.isBlank() ? "postgres" : user.trim(),
                environment.getOrDefault(PASSWORD, ""), "environment (" + URL + ")"));
    }

    /** How to provide a database, for the message of a test run that found none. */
    static String howToProvide() {
        return "Set " + URL + " (e.g. jdbc:postgresql://127.0.0.1:5432/test), " + USER + " (default postgres) and "
                + PASSWORD + " (default empty) to use an existing PostgreSQL, or make a Docker engine available"
                + " to Testcontainers.";
    }
}
