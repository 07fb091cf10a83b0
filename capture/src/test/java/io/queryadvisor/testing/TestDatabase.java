package io.queryadvisor.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL every database test of the project runs against: one per JVM, found or started
 * on first use, stopped when the JVM exits.
 *
 * <p>Looked for in this order:
 * <ol>
 *   <li>the environment: {@code QUERYADVISOR_TEST_JDBC_URL}, {@code QUERYADVISOR_TEST_USER},
 *       {@code QUERYADVISOR_TEST_PASSWORD} (CI sets these to its PostgreSQL service);</li>
 *   <li>a Testcontainers container, when a Docker engine answers;</li>
 *   <li>an embedded PostgreSQL (io.zonky.test).</li>
 * </ol>
 * When none works the first use throws, saying how to provide one: a database test never
 * skips in silence.
 */
public final class TestDatabase {

    private static TestDatabase shared;
    private static IllegalStateException sharedFailure;

    private final DatabaseCoordinates coordinates;

    private TestDatabase(DatabaseCoordinates coordinates) {
        this.coordinates = coordinates;
    }

    /** The JVM's test database, found or started on the first call. */
    public static synchronized TestDatabase shared() {
        // A failure is kept and thrown again, so every test of the run fails with the same clear
        // message instead of the first failing and the others seeing a bare NoClassDefFoundError.
        if (sharedFailure != null) {
            throw new IllegalStateException(sharedFailure.getMessage(), sharedFailure);
        }
        if (shared == null) {
            try {
                shared = new TestDatabase(locate(System.getenv()));
            } catch (RuntimeException e) {
                sharedFailure = e instanceof IllegalStateException failure ? failure
                        : new IllegalStateException("No PostgreSQL for the tests: " + e.getMessage() + ". "
                                + EnvironmentDatabase.howToProvide(), e);
                throw sharedFailure;
            }
        }
        return shared;
    }

    public DatabaseCoordinates coordinates() {
        return coordinates;
    }

    public String jdbcUrl() {
        return coordinates.jdbcUrl();
    }

    public String user() {
        return coordinates.user();
    }

    public String password() {
        return coordinates.password();
    }

    /** A new connection to the database's default schema; the caller closes it. */
    public Connection connect() throws SQLException {
        return coordinates.connect();
    }

    /** An unpooled DataSource on the database's default schema. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(coordinates.jdbcUrl());
        dataSource.setUser(coordinates.user());
        dataSource.setPassword(coordinates.password());
        return dataSource;
    }

    /** An empty schema named after the test class, dropped and re-created by this call. */
    public TestSchema freshSchema(Class<?> testClass) {
        return freshSchema(testClass.getSimpleName());
    }

    /**
     * An empty schema of the given name (made lower case, non-alphanumerics as {@code _}),
     * dropped with everything in it and re-created by this call.
     */
    public TestSchema freshSchema(String name) {
        String schema = schemaName(name);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " in " + describe() + ": "
                    + e.getMessage(), e);
        }
        return new TestSchema(schema, coordinates.withUrlParameter("currentSchema", schema));
    }

    /** Where the database is and how it was found, for messages. */
    public String describe() {
        return coordinates.jdbcUrl() + " as " + coordinates.user() + ", from " + coordinates.origin();
    }

    static String schemaName(String name) {
        String cleaned = ("qa_" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        // PostgreSQL truncates identifiers to 63 bytes; truncate ourselves so the URL names the same schema.
        return cleaned.length() > 63 ? cleaned.substring(0, 63) : cleaned;
    }

    /**
     * Finds a database in the documented order. The environment's database is never second-guessed:
     * when it is set but unreachable the tests fail rather than quietly test something else.
     */
    static DatabaseCoordinates locate(Map<String, String> environment) {
        Optional<DatabaseCoordinates> configured = EnvironmentDatabase.from(environment);
        if (configured.isPresent()) {
            return verified(configured.get());
        }
        List<String> attempts = new ArrayList<>();
        if (DockerProbe.dockerAvailable(environment)) {
            Optional<DatabaseCoordinates> container = attempt("Testcontainers", ContainerDatabase::start, attempts);
            if (container.isPresent()) {
                return verified(container.get());
            }
        } else {
            attempts.add("Testcontainers: no Docker engine available");
        }
        return verified(attempt("embedded PostgreSQL", EmbeddedDatabase::start, attempts)
                .orElseThrow(() -> new IllegalStateException("No PostgreSQL for the tests. "
                        + EnvironmentDatabase.howToProvide() + " Tried: " + String.join("; ", attempts))));
    }

    private static Optional<DatabaseCoordinates> attempt(String what, Supplier<DatabaseCoordinates> start,
                                                         List<String> attempts) {
        try {
            return Optional.of(start.get());
        } catch (RuntimeException | LinkageError e) {
            attempts.add(what + ": " + e);
            return Optional.empty();
        }
    }

    private static DatabaseCoordinates verified(DatabaseCoordinates coordinates) {
        try (Connection connection = coordinates.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return coordinates;
        } catch (SQLException e) {
            throw new IllegalStateException("The test PostgreSQL at " + coordinates.jdbcUrl() + " (from "
                    + coordinates.origin() + ") does not answer: " + e.getMessage() + ". "
                    + EnvironmentDatabase.howToProvide(), e);
        }
    }
}
