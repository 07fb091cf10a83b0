package io.queryadvisor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Call sites of marked lines in the test sources, so that a call-site assertion names the line a
 * comment points at instead of a number that breaks when the file is edited.
 */
public final class SourceLines {

    /**
     * Tests run with their module's directory as working directory, as Maven and IDEs start them; the
     * example application (com.example.*) lives in the capture module's tests, which the others reuse.
     */
    private static final List<Path> TEST_SOURCES = List.of(Path.of("src", "test", "java"),
            Path.of("..", "capture", "src", "test", "java"));

    private SourceLines() {
    }

    /**
     * The call site, as the agent writes it, of the one line of {@code type}'s source that contains
     * {@code marker}, in {@code method}: {@code com.example.Shop.order(Shop.java:42)}.
     */
    public static String callSite(Class<?> type, String method, String marker) {
        String file = type.getName().replace('.', '/') + ".java";
        Path source = TEST_SOURCES.stream().map(root -> root.resolve(file)).filter(Files::exists).findFirst()
                .orElse(TEST_SOURCES.get(0).resolve(file));
        List<String> lines;
        try {
            lines = Files.readAllLines(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.toAbsolutePath(), e);
        }
        int[] marked = IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(marker)).toArray();
        if (marked.length != 1) {
            throw new IllegalStateException(source + ": expected one line marked '" + marker + "', found "
                    + marked.length);
        }
        return type.getName() + "." + method + "(" + source.getFileName() + ":" + (marked[0] + 1) + ")";
    }
}
