package io.queryadvisor.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.queryadvisor.e2e.ChildOutput.Stream;

/**
 * An application running in a JVM of its own, with the agent attached as in production. Closing it
 * always ends the process, whatever state the test left it in.
 */
final class ChildJvm implements AutoCloseable {

    private static final int TAIL_LINES = 60;

    private final Process process;
    private final ChildOutput output;
    private final String description;

    private ChildJvm(Process process, ChildOutput output, String description) {
        this.process = process;
        this.output = output;
        this.description = description;
    }

    /**
     * Starts {@code mainClass} on {@code jdk} with the application classpath, in a working directory
     * of its own under the build directory (so anything the agent writes lands there).
     *
     * @param name       names the run's directory and log file
     * @param jvmOptions options before the main class, e.g. the {@code -javaagent} one
     * @param arguments  the application's arguments
     */
    static ChildJvm start(String name, Jdk jdk, List<String> jvmOptions, Class<?> mainClass, List<String> arguments) {
        return launch(name, jdk, jvmOptions, List.of("-cp", ApplicationClasspath.get(), mainClass.getName()), arguments);
    }

    /** As {@link #start}, for a packaged application: {@code java <jvmOptions> -jar <jar> <arguments>}. */
    static ChildJvm startJar(String name, Jdk jdk, List<String> jvmOptions, Path jar, List<String> arguments) {
        return launch(name, jdk, jvmOptions, List.of("-jar", jar.toString()), arguments);
    }

    private static ChildJvm launch(String name, Jdk jdk, List<String> jvmOptions, List<String> application,
                                   List<String> arguments) {
        Path directory = Path.of(System.getProperty("queryadvisor.e2e.workDir", "target/e2e-runs"))
                .toAbsolutePath().resolve(name);
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(jvmOptions);
        command.addAll(application);
        command.addAll(arguments);
        try {
            Files.createDirectories(directory);
            ChildOutput output = new ChildOutput(directory.resolve("child.log"));
            Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
            output.pump(Stream.STDOUT, process.getInputStream(), name + "-stdout");
            output.pump(Stream.STDERR, process.getErrorStream(), name + "-stderr");
            return new ChildJvm(process, output, name + " on " + jdk.home() + " (pid " + process.pid() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The first line on {@code stream} that matches; fails, showing the child's output, if none comes in time. */
    String awaitLine(Stream stream, String what, Predicate<String> matching, Duration timeout)
            throws InterruptedException {
        return output.awaitLine(stream, matching, timeout).orElseThrow(() -> new AssertionError(
                "No " + what + " on " + stream + " of " + description + " within " + timeout.toSeconds() + " s"
                        + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")") + "\n" + tail()));
    }

    /** Adds a line about the test's progress to the child's log (not to its output). */
    void note(String text) {
        output.note(text);
    }

    /** The lines the child wrote so far to {@code stream}. */
    List<String> lines(Stream stream) {
        return output.lines(stream);
    }

    /**
     * Closes the child's standard input, which tells the test applications to finish, and waits
     * for the exit code; fails if the JVM does not end in time (e.g. a non-daemon thread of ours).
     */
    int finishAndAwaitExit(Duration timeout) throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already closed: the child exited by itself.
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(description + " did not exit within " + timeout.toSeconds()
                    + " s after its stdin was closed\n" + tail());
        }
        output.note("exited with status " + process.exitValue());
        output.close(Duration.ofSeconds(5));
        return process.exitValue();
    }

    /** The end of the child's output, for failure messages. */
    String tail() {
        return output.tail(TAIL_LINES);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        output.close(Duration.ofSeconds(5));
    }
}
