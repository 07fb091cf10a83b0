package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The report over HTTP, with the real writers; the edge cases are in {@link ReportEndpointTest}. */
class ReportApiTest {

    private final RunningDashboard dashboard = new RunningDashboard();

    @AfterEach
    void close() {
        dashboard.close();
    }

    @Test
    void rejectsUnknownFormatWithBadRequest() {
        HttpResponse<String> response = dashboard.get("/api/report?format=pdf");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(RunningDashboard.parse(response.body()).get("error").asText())
                .contains("'pdf'").contains("json, md or html");
    }

    @Test
    void servesTheJsonReportInline() {
        dashboard.executed(QueriesApiTest.CUSTOMER_SQL, 3, QueriesApiTest.FIND_CUSTOMER).processed();

        HttpResponse<String> response = dashboard.get("/api/report");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(RunningDashboard.parse(response.body()).get("queries")).hasSize(1);
    }

    @Test
    void servesTheMarkdownReportAsAttachment() {
        HttpResponse<String> response = dashboard.get("/api/report?format=md");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/markdown; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"query-advisor-report.md\"");
    }

    @Test
    void servesTheHtmlReportAsAttachment() {
        HttpResponse<String> response = dashboard.get("/api/report?format=html");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"query-advisor-report.html\"");
    }
}
