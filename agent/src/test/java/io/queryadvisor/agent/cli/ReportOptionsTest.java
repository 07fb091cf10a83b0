package io.queryadvisor.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportOptionsTest {

    @Test
    void defaultsToTheLocalDashboardJsonAndStandardOutput() throws UsageException {
        ReportOptions options = parse();
        assertThat(options).isEqualTo(new ReportOptions(URI.create("http://127.0.0.1:7070"), "json", null));
        assertThat(options.reportUri()).isEqualTo(URI.create("http://127.0.0.1:7070/api/report?format=json"));
    }

    @ParameterizedTest
    @CsvSource({"report.json, json", "report.md, md", "report.markdown, md", "REPORT.HTML, html", "r.htm, html",
            "reports.d/report, json"})
    void takesTheFormatFromTheOutFilesExtension(String out, String format) throws UsageException {
        ReportOptions options = parse("--out", out);
        assertThat(options.format()).isEqualTo(format);
        assertThat(options.out()).isEqualTo(Path.of(out));
    }

    @Test
    void anExplicitFormatWinsOverTheExtension() throws UsageException {
        assertThat(parse("--format", "html", "--out", "report.md").format()).isEqualTo("html");
        assertThat(parse("--format", "Markdown").format()).isEqualTo("md");
    }

    @Test
    void acceptsOptionsWrittenWithAnEqualsSign() throws UsageException {
        assertThat(parse("--from=http://10.0.0.7:9000", "--format=md", "--out=r.txt.md"))
                .isEqualTo(new ReportOptions(URI.create("http://10.0.0.7:9000"), "md", Path.of("r.txt.md")));
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:7070, http://127.0.0.1:7070/api/report?format=md",
            "http://127.0.0.1:7070/, http://127.0.0.1:7070/api/report?format=md",
            "127.0.0.1:7070, http://127.0.0.1:7070/api/report?format=md",
            "https://shop.example:8443/advisor/, https://shop.example:8443/advisor/api/report?format=md"})
    void asksTheDashboardForTheReportInTheFormat(String from, String url) throws UsageException {
        assertThat(parse("--from", from, "--format", "md").reportUri()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "--verbose; unknown option '--verbose'",
            "extra; unexpected argument 'extra'",
            "--out; --out needs a value",
            "--from --out r.md; --from needs a value",
            "--out=; --out needs a value",
            "--out a.md --out b.md; --out is given twice",
            "--format pdf; unknown report format 'pdf': use json, md or html",
            "--out report.txt; cannot tell the report format of 'report.txt': end its name with .json, .md or .html, or add --format",
            "--from ftp://127.0.0.1:7070; --from ftp://127.0.0.1:7070 is not a dashboard URL like http://127.0.0.1:7070",
            "--from http://; --from http:// is not a dashboard URL like http://127.0.0.1:7070",
            "--from http://h:7070/?format=x; --from http://h:7070/?format=x is not a dashboard URL like http://127.0.0.1:7070"})
    void refusesBadInputSayingWhatIsWrong(String args, String message) {
        assertThatThrownBy(() -> parse(args.split(" "))).isInstanceOf(UsageException.class).hasMessage(message);
    }

    private static ReportOptions parse(String... args) throws UsageException {
        return ReportOptions.parse(List.copyOf(Arrays.asList(args)));
    }
}
