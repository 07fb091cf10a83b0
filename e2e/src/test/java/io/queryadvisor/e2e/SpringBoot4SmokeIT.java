package io.queryadvisor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.queryadvisor.e2e.ChildOutput.Stream;
import io.queryadvisor.testing.TestDatabase;

/**
 * The packaged agent on a minimal Spring Boot 4 application ({@code samples/spring-boot-4-smoke},
 * an executable jar): one request, its one statement captured once, at the application's own code.
 */
class SpringBoot4SmokeIT {

    private static final Pattern TOMCAT_PORT = Pattern.compile(".*Tomcat started on port (\\d+).*");
    private static final String FINGERPRINT = "SELECT CAST(? AS integer) * ?";

    @Test
    void oneRequestsStatementIsCapturedOnceAtTheApplicationsCode() throws Exception {
        Path jar = PackagedApplication.jar("queryadvisor.e2e.springBoot4Jar",
                "../samples/spring-boot-4-smoke/target/query-advisor-spring-boot-4-smoke.jar",
                "mvn -pl samples/spring-boot-4-smoke package");
        TestDatabase db = TestDatabase.shared();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user()));
        if (db.password() != null && !db.password().isEmpty()) {
            arguments.add("--spring.datasource.password=" + db.password());
        }
        try (ChildJvm child = ChildJvm.startJar("spring-boot-4", Jdk.baseline(),
                List.of(AgentJar.option("dashboard.port=0")), jar, arguments)) {
            String banner = child.awaitLine(Stream.STDERR, "dashboard line",
                    line -> line.startsWith("[query-advisor] dashboard:"), Duration.ofMinutes(3));
            String started = child.awaitLine(Stream.STDOUT, "Tomcat's port line",
                    line -> TOMCAT_PORT.matcher(line).matches(), Duration.ofMinutes(10));
            Matcher port = TOMCAT_PORT.matcher(started);
            assertThat(port.matches()).isTrue();

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/double/21"))
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("42");

            JsonNode snapshot = DashboardClient.fromBanner(banner).awaitQueries(
                    s -> query(s) != null, Duration.ofSeconds(20));
            JsonNode query = query(snapshot);
            assertThat(query).as("the request's statement in %s\n%s", snapshot, child.tail()).isNotNull();
            assertThat(query.get("count").asLong()).isEqualTo(1);
            assertThat(query.get("callSites")).hasSize(1);
            assertThat(query.get("callSites").get(0).get("callSite").asText())
                    .startsWith("io.queryadvisor.samples.boot4.Boot4SmokeApplication.twice(Boot4SmokeApplication.java:");
            assertThat(query.get("endpoints")).as("the endpoints of %s", query).hasSize(1);
            JsonNode endpoint = query.get("endpoints").get(0);
            assertThat(endpoint.get("endpoint").asText()).startsWith("GET /double/").doesNotContain("21");
            assertThat(endpoint.get("count").asLong()).isEqualTo(1);
        }
    }

    private static JsonNode query(JsonNode snapshot) {
        for (JsonNode q : snapshot.path("queries")) {
            if (FINGERPRINT.equals(q.path("fingerprint").asText())) {
                return q;
            }
        }
        return null;
    }
}
