package io.queryadvisor.advisor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ReportFormatTest {

    @ParameterizedTest
    @CsvSource({"json, JSON", "md, MARKDOWN", "markdown, MARKDOWN", "html, HTML", "htm, HTML", "' HTML ', HTML",
            "Markdown, MARKDOWN"})
    void parsesEveryNameItAccepts(String name, ReportFormat format) {
        assertThat(ReportFormat.parse(name)).isEqualTo(format);
    }

    @Test
    void rejectsAnUnknownNameListingTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReportFormat.parse("pdf"))
                .withMessage("unknown report format 'pdf': use json, md or html");
        assertThatIllegalArgumentException().isThrownBy(() -> ReportFormat.parse(null))
                .withMessageContaining("use json, md or html");
    }

    @ParameterizedTest
    @CsvSource({"report.json, JSON", "report.MD, MARKDOWN", "out/report.markdown, MARKDOWN",
            "/tmp/build.d/report.html, HTML", "C:\\reports.v2\\report.htm, HTML"})
    void tellsTheFormatFromAFileNamesExtension(String fileName, ReportFormat format) {
        assertThat(ReportFormat.forFileName(fileName)).isEqualTo(format);
    }

    @Test
    void rejectsAFileNameWithoutExtensionEvenInADottedDirectory() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReportFormat.forFileName("build.d/report"))
                .withMessage("cannot tell the report format of 'build.d/report': end its name with .json, .md or .html");
        assertThatIllegalArgumentException().isThrownBy(() -> ReportFormat.forFileName("report.txt"))
                .withMessageContaining("'txt'");
    }

    @Test
    void eachFormatHasItsWriter() {
        assertThat(ReportFormat.JSON.writer()).isInstanceOf(JsonReportWriter.class);
        assertThat(ReportFormat.MARKDOWN.writer()).isInstanceOf(MarkdownReportWriter.class);
        assertThat(ReportFormat.HTML.writer()).isInstanceOf(HtmlReportWriter.class);
        assertThat(ReportFormat.MARKDOWN.mediaType()).isEqualTo("text/markdown; charset=utf-8");
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyWriterWritesUtf8AndLeavesTheStreamOpen(ReportFormat format) throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        format.writer().write(ReportFixture.report(), out);
        assertThat(closed).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("🛒").contains("größe");
    }
}
