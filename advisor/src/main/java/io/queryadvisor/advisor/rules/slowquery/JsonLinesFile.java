package io.queryadvisor.advisor.rules.slowquery;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Appends lines to a file for a log shipper to tail, flushed line by line, up to
 * {@value #MAX_BYTES} bytes (then it stops and says so once: a full disk must not be the agent's
 * doing). A file that cannot be written is said once; the advisor goes on. Consumer thread only.
 */
final class JsonLinesFile implements Consumer<String> {

    private static final System.Logger LOG = System.getLogger("io.queryadvisor");
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private final Path path;
    private Writer writer;
    private long written;
    private boolean off;

    JsonLinesFile(Path path) {
        this.path = path;
    }

    @Override
    public void accept(String line) {
        if (off) {
            return;
        }
        try {
            if (writer == null) {
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                written = Files.exists(path) ? Files.size(path) : 0;
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            if (written + line.length() + 1 > MAX_BYTES) {
                stop("it reached " + MAX_BYTES / (1024 * 1024) + " MiB", null);
                return;
            }
            writer.write(line);
            writer.write('\n');
            writer.flush();
            written += line.length() + 1;
        } catch (IOException | RuntimeException e) {
            stop("it cannot be written", e);
        }
    }

    private void stop(String why, Exception e) {
        off = true;
        LOG.log(System.Logger.Level.WARNING, "Query Advisor: slow statements are no longer written to " + path
                + ": " + why, e);
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException ignored) {
            // closing a file we give up on
        }
    }
}
