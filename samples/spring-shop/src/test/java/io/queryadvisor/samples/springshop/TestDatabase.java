package io.queryadvisor.samples.springshop;

import io.queryadvisor.samples.springshop.db.DatabaseServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL the tests run against: the server named by {@code QUERYADVISOR_TEST_JDBC_URL}
 * ({@code QUERYADVISOR_TEST_USER}, {@code QUERYADVISOR_TEST_PASSWORD}) when set, as CI does; else an
 * embedded PostgreSQL started once for all the tests of the run (zonky stops it when the JVM exits).
 * Nothing is skipped: a server that cannot be reached fails the tests that need it.
 */
final class TestDatabase {

    private static DatabaseServer server;

    private TestDatabase() {
    }

    static synchronized DatabaseServer server() {
        if (server == null) {
            String url = env("QUERYADVISOR_TEST_JDBC_URL");
            try {
                server = url != null
                        ? DatabaseServer.external(url, env("QUERYADVISOR_TEST_USER"), env("QUERYADVISOR_TEST_PASSWORD"))
                        : DatabaseServer.startEmbedded();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start an embedded PostgreSQL; set QUERYADVISOR_TEST_JDBC_URL to use a server", e);
            }
        }
        return server;
    }

    /** Points a Spring context at the server. */
    static void register(DynamicPropertyRegistry registry) {
        DatabaseServer db = server();
        registry.add("spring.datasource.url", db::jdbcUrl);
        if (db.user() != null) {
            registry.add("spring.datasource.username", db::user);
        }
        if (db.password() != null) {
            registry.add("spring.datasource.password", db::password);
        }
    }

    /** The command-line options that point the shop at the server. */
    static List<String> connectionOptions() {
        DatabaseServer db = server();
        List<String> options = new ArrayList<>(List.of("--jdbc-url", db.jdbcUrl()));
        if (db.user() != null) {
            options.addAll(List.of("--user", db.user()));
        }
        if (db.password() != null) {
            options.addAll(List.of("--password", db.password()));
        }
        return options;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }
}
