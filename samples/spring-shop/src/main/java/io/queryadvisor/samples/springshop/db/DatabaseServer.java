package io.queryadvisor.samples.springshop.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/**
 * The PostgreSQL server the shop runs against: either one the user named with {@code --jdbc-url},
 * or an embedded one the shop starts itself, before the Spring context, and stops on {@link #close()}.
 */
public final class DatabaseServer implements AutoCloseable {

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private DatabaseServer(String jdbcUrl, String user, String password, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** A server somebody else runs; {@code user} and {@code password} may be null. */
    public static DatabaseServer external(String jdbcUrl, String user, String password) {
        return new DatabaseServer(jdbcUrl, user, password, null);
    }

    /**
     * Starts a throw-away PostgreSQL (zonky's binaries, unpacked under the temp directory) on a free
     * port. It also works as root: zonky runs {@code initdb} and {@code postgres} in a way that accepts it.
     */
    public static DatabaseServer startEmbedded() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        return new DatabaseServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, postgres);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user, or null for the driver's default. */
    public String user() {
        return user;
    }

    /** The password, or null for none. */
    public String password() {
        return password;
    }

    /** Stops the embedded server; does nothing to an external one. */
    @Override
    public void close() throws IOException {
        if (embedded != null) {
            // Idempotent: zonky's own shutdown hook may already have stopped it on Ctrl+C.
            embedded.close();
        }
    }
}
