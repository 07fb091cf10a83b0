package io.queryadvisor.dashboard;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.report.ApplicationInfo;
import io.queryadvisor.advisor.report.Report;
import io.queryadvisor.advisor.report.ReportFormat;
import io.queryadvisor.advisor.report.ReportWriter;
import io.queryadvisor.advisor.stats.CaptureHealth;

class ReportEndpointTest {

    private static final Report REPORT = new Report("2025-01-01T00:00:00Z",
            new ApplicationInfo("shop", "test JVM", List.of()), List.of(), List.of(),
            CaptureHealth.NONE);

    /** Writes the format's name and the application's name, so a test sees who wrote what. */
    private final ReportEndpoint endpoint = new ReportEndpoint(() -> REPORT,
            format -> (report, out) -> out.write((format + " of " + report.application().name()).getBytes(UTF_8)));

    @Test
    void writesJsonByDefault() throws IOException {
        Response response = endpoint.get(Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(new String(response.body(), UTF_8)).isEqualTo("JSON of shop");
    }

    @Test
    void servesJsonInline() throws IOException {
        Response response = endpoint.get(Map.of("format", "json"));

        assertThat(response.headers()).doesNotContainKey("Content-Disposition");
    }

    @Test
    void servesMarkdownAsAttachment() throws IOException {
        Response response = endpoint.get(Map.of("format", "md"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/markdown; charset=utf-8");
        assertThat(response.headers()).containsEntry("Content-Disposition",
                "attachment; filename=\"query-advisor-report.md\"");
        assertThat(new String(response.body(), UTF_8)).isEqualTo("MARKDOWN of shop");
    }

    @Test
    void servesHtmlAsAttachment() throws IOException {
        Response response = endpoint.get(Map.of("format", "html"));

        assertThat(response.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(response.headers()).containsEntry("Content-Disposition",
                "attachment; filename=\"query-advisor-report.html\"");
    }

    @Test
    void rejectsUnknownFormatWithBadRequest() throws IOException {
        Response response = endpoint.get(Map.of("format", "pdf"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(error(response)).contains("unknown report format 'pdf'");
    }

    @Test
    void answersNotImplementedWhenTheFormatHasNoWriter() throws IOException {
        ReportEndpoint withoutWriters = new ReportEndpoint(() -> REPORT, format -> {
            throw new UnsupportedOperationException("Markdown writer not yet built");
        });

        Response response = withoutWriters.get(Map.of("format", "md"));

        assertThat(response.status()).isEqualTo(501);
        assertThat(response.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(error(response)).contains("md report is not available").contains("Markdown writer not yet built");
    }

    @Test
    void answersNotImplementedWhenTheWriterRefusesToWrite() throws IOException {
        ReportWriter refusing = (report, out) -> {
            throw new UnsupportedOperationException("not yet");
        };
        ReportEndpoint halfBuilt = new ReportEndpoint(() -> REPORT, format -> refusing);

        assertThat(halfBuilt.get(Map.of("format", "html")).status()).isEqualTo(501);
    }

    @Test
    void takesContentTypeFromTheFormat() throws IOException {
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(endpoint.get(Map.of("format", format.extension())).contentType()).isEqualTo(format.mediaType());
        }
    }

    private static String error(Response response) {
        return RunningDashboard.parse(new String(response.body(), UTF_8)).get("error").asText();
    }
}
