package io.queryadvisor.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

/** The packaged agent the tests attach with {@code -javaagent}, checked before any child starts. */
final class AgentJar {

    private static final String PROPERTY = "queryadvisor.e2e.agentJar";

    private AgentJar() {
    }

    /** The agent jar failsafe names, or the module-relative default when run from an IDE. */
    static Path locate() {
        Path jar = Path.of(System.getProperty(PROPERTY, "../agent/target/query-advisor-agent.jar"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("No agent jar at " + jar + ". Package it first: mvn -pl agent -am package"
                    + " (or run the whole build: mvn verify).");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            String premain = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Premain-Class");
            if (premain == null || file.getEntry(premain.replace('.', '/') + ".class") == null) {
                throw new AssertionError("The agent jar " + jar + " has no Premain-Class or lacks its class ("
                        + premain + "): it is not a usable -javaagent. Re-package the agent module.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return jar;
    }

    /** {@code -javaagent:<jar>=<arguments>}. */
    static String option(String arguments) {
        return "-javaagent:" + locate() + (arguments.isEmpty() ? "" : "=" + arguments);
    }
}
