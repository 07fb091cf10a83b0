package io.queryadvisor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The packaged Spring Boot + JPA shop ({@code samples/spring-shop}, an executable jar: its classes in
 * {@code BOOT-INF/classes}, Spring, Hibernate and HikariCP in {@code BOOT-INF/lib}) with the
 * packaged agent, its endpoints called over HTTP by its own traffic driver: every statement is
 * counted once through Spring's and Hibernate's wrapping, and every query's call site is the
 * shop's own code. One subclass per JDK ({@link SpringShopOnBaselineJdkIT}, {@link SpringShopOnJdk25IT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpringShopEndToEnd {

    private static final String SHOP = "io.queryadvisor.samples.springshop.";
    private static final int ITERATIONS = 4;

    private JsonNode report;

    abstract Jdk jdk();

    @BeforeAll
    void runTheShopWithTheAgent() throws IOException, InterruptedException {
        Path shop = PackagedApplication.jar("queryadvisor.e2e.springShopJar",
                "../samples/spring-shop/target/query-advisor-spring-shop.jar", "mvn -pl samples/spring-shop package");
        Jdk jdk = jdk();
        // Every call site recorded (firstN above the traffic's executions): the assertion is on all of them.
        report = PackagedApplication.runToReport("spring-shop-" + jdk.label(), jdk, shop,
                "dashboard.enabled=false,callSite.firstN=100000",
                List.of("--schema", "e2e_spring_shop_" + jdk.label(), "--iterations", String.valueOf(ITERATIONS),
                        "--threads", "1", "--port", "0"),
                Duration.ofMinutes(15)); // a busy 2-core machine has taken 5 minutes to start it
    }

    @Test
    void everyQuerysCallSitesAreClassesOfTheShopsOwnPackages() {
        List<String> outside = new ArrayList<>();
        for (JsonNode query : report.get("queries")) {
            assertThat(query.get("callSites")).as("call sites of %s", query.get("fingerprint")).isNotEmpty();
            for (JsonNode site : query.get("callSites")) {
                String callSite = site.get("callSite").asText();
                if (!callSite.startsWith(SHOP)) {
                    outside.add(callSite + " for " + query.get("fingerprint").asText());
                }
            }
        }
        assertThat(outside).as("call sites outside the shop's code").isEmpty();
    }

    @Test
    void eachStatementOfTheTrafficIsCountedOnce() {
        Map<String, Long> expected = new TreeMap<>();
        SpringShopTraffic.PER_ITERATION.forEach((fingerprint, n) -> expected.put(fingerprint, (long) n * ITERATIONS));
        Map<String, Long> counted = new TreeMap<>();
        for (JsonNode query : report.get("queries")) {
            String fingerprint = query.get("fingerprint").asText();
            if (expected.containsKey(fingerprint)) {
                counted.merge(fingerprint, query.get("count").asLong(), Long::sum);
            }
        }
        assertThat(counted).as("executions per fingerprint").isEqualTo(expected);
        assertThat(report.at("/capture/eventsDropped").asLong()).isZero();
    }

    @Test
    void findsTheLazyLoadingNPlusOneInTheShopsCode() {
        List<String> sites = new ArrayList<>();
        report.get("recommendations").forEach(r -> {
            if ("n-plus-one".equals(r.get("rule").asText()) && r.get("fingerprint").asText().contains("order_lines")) {
                r.get("callSites").forEach(s -> sites.add(s.get("callSite").asText()));
            }
        });
        assertThat(sites).anyMatch(site -> site.startsWith(SHOP + "service.OrderView.of("));
    }
}
