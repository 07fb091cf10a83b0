package io.queryadvisor.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.testcontainers.DockerClientFactory;

/**
 * Whether Testcontainers can start a container here, asked so that a machine without Docker
 * pays neither the probe's time nor its log output.
 *
 * <p>Testcontainers' own check walks every strategy it knows and logs an error for each; where
 * nothing even hints at a Docker engine (no {@code DOCKER_HOST}, no Testcontainers setting, no
 * socket in the usual places) we answer "no" without asking it.
 */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean dockerAvailable(Map<String, String> environment) {
        if (!dockerHinted(environment)) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static boolean dockerHinted(Map<String, String> environment) {
        if (environment.containsKey("DOCKER_HOST")
                || environment.keySet().stream().anyMatch(k -> k.startsWith("TESTCONTAINERS_"))) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        String runtimeDir = environment.getOrDefault("XDG_RUNTIME_DIR", "/nonexistent");
        List<Path> hints = List.of(
                Path.of("/var/run/docker.sock"),
                Path.of(home, ".docker", "run", "docker.sock"),
                Path.of(home, ".docker", "desktop", "docker.sock"),
                Path.of(runtimeDir, "docker.sock"),
                Path.of(home, ".testcontainers.properties"));
        return hints.stream().anyMatch(Files::exists);
    }
}
