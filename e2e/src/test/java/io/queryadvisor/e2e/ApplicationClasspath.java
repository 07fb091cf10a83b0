package io.queryadvisor.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The classpath a child application gets: this test JVM's own (failsafe is configured to give the
 * real list of jars), minus every Query Advisor artifact. The agent must reach the application
 * through {@code -javaagent} alone, as it does in production.
 */
final class ApplicationClasspath {

    /** A class of ours that must not be on the application's classpath. */
    private static final List<String> FORBIDDEN = List.of(
            "io/queryadvisor/agent/", "io/queryadvisor/advisor/", "io/queryadvisor/dashboard/");

    private ApplicationClasspath() {
    }

    static String get() {
        String classpath = System.getProperty("java.class.path");
        List<String> entries = Stream.of(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("query-advisor-"))
                .toList();
        if (entries.stream().noneMatch(entry -> entry.contains("HikariCP"))) {
            throw new AssertionError("The test classpath does not list the application's jars (is failsafe's"
                    + " useManifestOnlyJar still false?): " + classpath);
        }
        entries.forEach(ApplicationClasspath::requireNoQueryAdvisorClasses);
        return String.join(File.pathSeparator, entries);
    }

    private static void requireNoQueryAdvisorClasses(String entry) {
        Path path = Path.of(entry);
        for (String forbidden : FORBIDDEN) {
            if (contains(path, forbidden)) {
                throw new AssertionError("The application's classpath entry " + entry + " holds " + forbidden
                        + ": the agent's classes would reach the application other than through -javaagent");
            }
        }
    }

    private static boolean contains(Path entry, String directory) {
        if (Files.isDirectory(entry)) {
            return Files.isDirectory(entry.resolve(directory));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.stream().anyMatch(e -> e.getName().startsWith(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath entry " + entry, e);
        }
    }
}
