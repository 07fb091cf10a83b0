package io.queryadvisor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL (14) run from binaries packaged in a jar: the last resort, needing neither
 * a server nor Docker.
 */
final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    /** Starts a server that is stopped when the JVM exits. */
    static DatabaseCoordinates start() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "test-postgres-embedded-stop"));
        // 127.0.0.1 rather than localhost: child JVMs must not wander off to ::1.
        return new DatabaseCoordinates("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "postgres", "", "embedded PostgreSQL (io.zonky.test)");
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is exiting; the server's directory is temporary anyway.
        }
    }
}
