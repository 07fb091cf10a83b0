package io.queryadvisor.agent.instrument.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's class loader never has the servlet API; the application's does, and it has only
 * one of the two. A child JVM reproduces that (see {@link ServletsInTheirOwnLoader}) with the
 * installer the agent really uses, which in-JVM tests, with both APIs on the class path, cannot.
 */
class ServletApiInApplicationLoaderTest {

    @Test
    void instrumentsServletsWhoseApiOnlyTheApplicationLoaderHas(@TempDir Path dir) throws Exception {
        String javaxApi = jarOf(javax.servlet.http.HttpServlet.class);
        String jakartaApi = jarOf(jakarta.servlet.http.HttpServlet.class);
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.equals(javaxApi) && !entry.equals(jakartaApi))
                .collect(Collectors.joining(File.pathSeparator));
        Path output = dir.resolve("child.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, ServletsInTheirOwnLoader.class.getName(), javaxApi, jakartaApi)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean exited = child.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            child.destroyForcibly();
        }

        List<String> lines = Files.readAllLines(output);
        assertThat(exited).as("child JVM exited; its output: %s", lines).isTrue();
        assertThat(lines).contains(
                "javax: RequestInfo[id=1, endpoint=GET /orders/{id}]",
                "jakarta: RequestInfo[id=2, endpoint=GET /orders/{id}]",
                "completed: 2");
        assertThat(lines).noneMatch(line -> line.contains("could not instrument"));
    }

    private static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
