package io.queryadvisor.testing;

import org.testcontainers.containers.PostgreSQLContainer;

/** A PostgreSQL in a Docker container, for machines with Docker and no configured database. */
final class ContainerDatabase {

    // The oldest PostgreSQL the project supports; alpine keeps the pull small.
    private static final String IMAGE = "postgres:15-alpine";

    private ContainerDatabase() {
    }

    /** Starts a container that is stopped when the JVM exits. */
    static DatabaseCoordinates start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-container-stop"));
        return new DatabaseCoordinates(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "Testcontainers (" + IMAGE + ")");
    }
}
