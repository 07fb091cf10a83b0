package io.queryadvisor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;


/**
 * The packaged sample shop, with the packaged agent attached as a user would attach it, writes
 * its report when it exits: every planted problem must be in it, at the code that causes it, and
 * nothing else may be.
 */
class SampleShopReportIT {

    private static final String SHOP = "io.queryadvisor.samples.shop.";
    private static final int ITERATIONS = 40;

    private static JsonNode report;

    @BeforeAll
    static void runTheSampleWithTheAgent() throws IOException, InterruptedException {
        Path sample = PackagedApplication.jar("queryadvisor.e2e.sampleJar", "../samples/target/query-advisor-sample.jar",
                "mvn -pl samples package");
        report = PackagedApplication.runToReport("sample-shop", Jdk.baseline(), sample, "dashboard.enabled=false",
                List.of("--schema", "e2e_shop", "--iterations", String.valueOf(ITERATIONS), "--threads", "2"),
                Duration.ofMinutes(3));
    }

    @Test
    void findsTheNPlusOneLoopAtTheRepositoryItCalls() {
        JsonNode finding = onlyFinding("n-plus-one");

        assertThat(callSites(finding)).anyMatch(site -> site.startsWith(SHOP + "repository.OrderRepository.findLines("));
        assertThat(finding.at("/evidence/unitsOfWork").asLong()).isEqualTo(ITERATIONS);
        assertThat(finding.at("/evidence/maxRepetitions").asLong()).isEqualTo(10);
        assertThat(finding.at("/fingerprint").asText()).contains("order_lines");
    }

    @Test
    void findsTheSelectStarAndNamesTheColumnsTheCodeRead() {
        JsonNode finding = onlyFinding("select-star");

        assertThat(finding.at("/fingerprint").asText()).contains("products");
        assertThat(finding.at("/evidence/columnsRead").asText()).isEqualTo("id, name, price");
        assertThat(finding.at("/suggestion/code").asText()).contains("id, name, price").doesNotContain("*");
        assertThat(callSites(finding)).allMatch(site -> site.startsWith(SHOP + "repository.ProductRepository."));
    }

    @Test
    void findsTheSlowReport() {
        assertThat(findings("slow-query"))
                .anySatisfy(f -> assertThat(callSites(f))
                        .anyMatch(site -> site.startsWith(SHOP + "repository.ReportRepository.topCustomersByRevenue(")));
    }

    @Test
    void findsTheUnindexedLoginFilterAndTheIndexThatServesIt() {
        // one finding: the twin, the lookup of a customer by primary key, has none
        JsonNode finding = onlyFinding("missing-index");

        assertThat(finding.at("/suggestion/code").asText())
                .isEqualTo("CREATE INDEX CONCURRENTLY idx_customers_email ON customers (email);");
        assertThat(callSites(finding)).allMatch(site -> site.startsWith(SHOP + "repository.CustomerRepository.findByEmail("));
        assertThat(finding.at("/evidence/costAfter").asDouble())
                .isLessThan(finding.at("/evidence/costBefore").asDouble() / 2);
    }

    @Test
    void wellWrittenQueriesProduceNoFinding() {
        // Besides the planted problems, only the one-off bulk load at start-up may show (as slow).
        List<String> expected = List.of(SHOP + "repository.OrderRepository.findLines(",
                SHOP + "repository.ProductRepository.", SHOP + "repository.ReportRepository.topCustomersByRevenue(",
                SHOP + "repository.CustomerRepository.findByEmail(", SHOP + "db.");
        for (JsonNode finding : report.get("recommendations")) {
            if (finding.get("fingerprintId").isNull()) {
                continue; // a schema rule's finding (an index, a table) is about no query
            }
            assertThat(callSites(finding)).as("call sites of %s", finding.get("id"))
                    .isNotEmpty()
                    .allMatch(site -> expected.stream().anyMatch(site::startsWith));
        }
    }

    @Test
    void countsEveryStatementOfTheTraffic() {
        // samples/README.md: 18 statements per iteration, plus the slow report every 20th.
        long traffic = 18L * ITERATIONS + (ITERATIONS + 19) / 20;
        long lines = 0;
        for (JsonNode q : report.get("queries")) {
            if (q.get("fingerprint").asText().contains("FROM order_lines WHERE order_id = ?")) {
                lines += q.get("count").asLong();
            }
        }
        assertThat(lines).isEqualTo(10L * ITERATIONS);
        assertThat(report.at("/capture/statementsObserved").asLong()).isGreaterThanOrEqualTo(traffic);
        assertThat(report.at("/capture/eventsDropped").asLong()).isZero();
    }

    @Test
    void everyQuerySaysItRanOutsideAnyRequestWithItsThreadsPattern() {
        // The plain shop serves no HTTP: its traffic runs on threads shop-traffic-0, shop-traffic-1.
        for (JsonNode q : report.get("queries")) {
            List<String> endpoints = new ArrayList<>();
            q.get("endpoints").forEach(e -> endpoints.add(e.get("endpoint").asText()));
            assertThat(endpoints).as("endpoints of %s", q.get("fingerprint")).isNotEmpty()
                    .allMatch(e -> e.startsWith("no request: "));
        }
        JsonNode lines = report.get("queries").findParents("fingerprint").stream()
                .filter(q -> q.get("fingerprint").asText().contains("FROM order_lines WHERE order_id = ?"))
                .findFirst().orElseThrow();
        assertThat(lines.at("/endpoints/0/endpoint").asText()).isEqualTo("no request: shop-traffic-*");
        assertThat(lines.at("/endpoints/0/count").asLong()).isEqualTo(10L * ITERATIONS);
    }

    @Test
    void everyFindingNamesItsEndpoints() {
        for (JsonNode finding : report.get("recommendations")) {
            assertThat(finding.at("/evidence/endpoints").asText()).as("endpoints of %s", finding.get("id"))
                    .startsWith("no request: ");
        }
    }

    @Test
    void listsTheEndpointsWithTheirStatements() {
        List<String> names = new ArrayList<>();
        report.get("endpoints").forEach(e -> names.add(e.get("endpoint").asText()));

        assertThat(names).contains("no request: shop-traffic-*");
        JsonNode traffic = report.get("endpoints").findParents("endpoint").stream()
                .filter(e -> e.get("endpoint").asText().equals("no request: shop-traffic-*")).findFirst().orElseThrow();
        assertThat(traffic.get("statements").asLong()).isGreaterThanOrEqualTo(18L * ITERATIONS);
        assertThat(traffic.get("requests").asLong()).isZero();
    }

    private static JsonNode onlyFinding(String rule) {
        List<JsonNode> found = findings(rule);
        assertThat(found).as("%s findings in %s", rule, report.get("recommendations")).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> findings(String rule) {
        List<JsonNode> found = new ArrayList<>();
        report.get("recommendations").forEach(r -> {
            if (rule.equals(r.get("rule").asText())) {
                found.add(r);
            }
        });
        return found;
    }

    private static List<String> callSites(JsonNode finding) {
        List<String> sites = new ArrayList<>();
        finding.get("callSites").forEach(s -> sites.add(s.get("callSite").asText()));
        return sites;
    }
}
