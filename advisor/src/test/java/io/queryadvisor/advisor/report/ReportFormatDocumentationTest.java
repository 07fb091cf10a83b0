package io.queryadvisor.advisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** docs/REPORT-FORMAT.md documents the shape the JSON writer really writes, field for field. */
class ReportFormatDocumentationTest {

    private static final Path DOCUMENT = Path.of(System.getProperty("basedir", "."))
            .resolve("../docs/REPORT-FORMAT.md").normalize();

    private final String document = read(DOCUMENT);

    @Test
    void exampleHasExactlyTheFieldsTheWriterWrites() {
        JsonNode example = JsonReportWriterTest.parse(exampleJson());
        JsonNode written = JsonReportWriterTest.parse(ReportFixture.write(new JsonReportWriter(), ReportFixture.report()));
        assertThat(paths(example)).isEqualTo(paths(written));
    }

    @Test
    void exampleIsWhatTheWriterWritesForItsOwnContent() throws IOException {
        JsonNode example = JsonReportWriterTest.parse(exampleJson());
        Report report = Json.mapper().treeToValue(example, Report.class);
        assertThat(JsonReportWriterTest.parse(ReportFixture.write(new JsonReportWriter(), report))).isEqualTo(example);
    }

    @Test
    void documentsEveryField() {
        JsonNode written = JsonReportWriterTest.parse(ReportFixture.write(new JsonReportWriter(), ReportFixture.report()));
        for (String path : paths(written)) {
            String field = path.substring(path.lastIndexOf('.') + 1).replace("[]", "");
            // A table documents a field as `field`, or nested as `parent.field` or `parent[].field`.
            boolean documented = document.contains("`" + field + "`") || document.contains("." + field + "`");
            assertThat(documented).as("%s documents %s", DOCUMENT, path).isTrue();
        }
    }

    private String exampleJson() {
        int start = document.indexOf("```json\n");
        assertThat(start).as("a ```json block in %s", DOCUMENT).isNotNegative();
        return document.substring(start + "```json\n".length(), document.indexOf("\n```", start + 7));
    }

    /** Every field's path, e.g. {@code recommendations[].suggestion.code}; evidence names are free-form. */
    private static Set<String> paths(JsonNode json) {
        Set<String> paths = new TreeSet<>();
        collect(json, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, path + "[]", paths));
        } else if (node.isObject() && !path.endsWith(".evidence")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                paths.add(child);
                collect(field.getValue(), child, paths);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
