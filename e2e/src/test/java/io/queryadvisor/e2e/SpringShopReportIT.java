package io.queryadvisor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The packaged Spring Boot + JPA sample with the packaged agent: the planted problems the rules
 * cover (samples/spring-shop/README.md: problems 1 to 10)
 * are in its report, at the code that causes them, and none of those rules finds anything at their
 * twins (slow-query aside: whether a fast twin crosses 100 ms depends on the machine's load).
 */
class SpringShopReportIT {

    private static final String SHOP = "io.queryadvisor.samples.springshop.";
    private static final int ITERATIONS = 30;

    private static JsonNode report;

    @BeforeAll
    static void runTheSpringSampleWithTheAgent() throws IOException, InterruptedException {
        report = PackagedSampleRun.report("spring-shop", "queryadvisor.e2e.springShopJar",
                "../samples/spring-shop/target/query-advisor-spring-shop.jar", List.of("--schema", "e2e_spring_shop",
                        "--port", "0", "--iterations", String.valueOf(ITERATIONS), "--threads", "2"));
    }

    @Test
    void findsTheCurrencyReadAgainForEveryRow() {
        JsonNode finding = repeatedQueryOn("currencies");

        assertThat(finding.at("/evidence/maxRepetitions").asLong()).isEqualTo(7);
        assertThat(finding.at("/evidence/endpoints").asText()).startsWith("GET /price-list (");
        assertOnlyAt(List.of(finding), "service.PriceListService.priceList(");
    }

    @Test
    void findsTheProductLoadedTwiceInOneRequest() {
        JsonNode finding = repeatedQueryOn("products");

        assertThat(finding.at("/evidence/maxRepetitions").asLong()).isEqualTo(2);
        assertThat(finding.at("/evidence/unitsOfWork").asLong()).isEqualTo(ITERATIONS);
        assertThat(finding.at("/evidence/endpoints").asText()).isEqualTo("GET /products/{id}/availability ("
                + ITERATIONS + ")");
        assertOnlyAt(List.of(finding), "web.ProductController.availability(",
                "service.InventoryService.availabilityOf(");
    }

    @Test
    void findsNoRepeatedQueryButTheTwoPlanted() {
        assertThat(PackagedSampleRun.findings(report, "repeated-identical-query")).hasSize(2);
    }

    @Test
    void findsTheWishlistItemsUpdatedToSetTheirParent() {
        JsonNode finding = PackagedSampleRun.onlyFinding(report, "write-then-update");

        assertThat(finding.at("/fingerprint").asText()).containsIgnoringCase("wishlist_items");
        assertOnlyAt(List.of(finding), "web.WishlistController.createWishlist(", "service.WishlistService.create(");
    }

    @Test
    void findsTheUnindexedNamePrefixSearchAndNotTheIndexedSkuOne() {
        // the pool moves its connections into the shop's schema: the probe must look for products there
        JsonNode finding = PackagedSampleRun.onlyFinding(report, "missing-index");

        assertThat(finding.at("/suggestion/code").asText())
                .isEqualTo("CREATE INDEX CONCURRENTLY idx_products_name ON products (name text_pattern_ops);");
        assertThat(finding.at("/evidence/costAfter").isNumber()).as("verified with hypopg").isTrue();
        assertThat(finding.at("/evidence/costAfter").asDouble())
                .isLessThan(finding.at("/evidence/costBefore").asDouble() / 2);
        assertOnlyAt(List.of(finding), "service.CatalogService.searchByName(");
    }

    @Test
    void findsTheDeepOffsetPagesAndTheCountBesideThem() {
        JsonNode finding = PackagedSampleRun.onlyFinding(report, "deep-offset");

        assertThat(finding.at("/fingerprint").asText()).containsIgnoringCase("products");
        assertThat(finding.at("/evidence/maxOffset").asLong()).isGreaterThanOrEqualTo(1_000);
        assertThat(finding.at("/evidence/countQueryBeside").asText()).containsIgnoringCase("count(");
        assertOnlyAt(List.of(finding), "service.CatalogService.page(");
    }

    @Test
    void findsTheStockMovementsSavedOneByOne() {
        List<JsonNode> found = PackagedSampleRun.findings(report, "unbatched-writes");

        assertThat(found).anySatisfy(f -> assertThat(PackagedSampleRun.callSites(f))
                .anyMatch(site -> site.startsWith(SHOP + "service.DeliveryService.recordOneByOne(")));
        assertOnlyAt(found, "service.DeliveryService.recordOneByOne(");
    }

    @Test
    void findsTheOrderLinesLazilyLoadedPerOrderAndTheAddressesEagerlyLoadedPerCustomer() {
        List<JsonNode> found = PackagedSampleRun.findings(report, "n-plus-one");

        assertThat(found).anySatisfy(f -> {
            assertThat(f.at("/fingerprint").asText()).containsIgnoringCase("order_lines");
            assertThat(f.at("/evidence/maxRepetitions").asLong()).isEqualTo(10);
        });
        assertThat(found).anySatisfy(f -> {
            assertThat(f.at("/fingerprint").asText()).containsIgnoringCase("addresses");
            assertThat(f.at("/evidence/maxRepetitions").asLong()).isEqualTo(20);
        });
        assertOnlyAt(found, "service.OrderView.of(", "service.CustomerService.customersOfCity(");
    }

    @Test
    void findsTheSelectStarWhoseRowMapperReadsTwoColumns() {
        JsonNode finding = PackagedSampleRun.onlyFinding(report, "select-star");

        assertThat(finding.at("/evidence/columnsRead").asText()).isEqualTo("name, email");
        assertOnlyAt(List.of(finding), "repository.ContactRepository.findContactSelectingAllColumns(");
    }

    @Test
    void findsTheSlowReport() {
        assertThat(PackagedSampleRun.findings(report, "slow-query")).anySatisfy(f -> assertThat(
                PackagedSampleRun.callSites(f)).anyMatch(site -> site.startsWith(SHOP
                        + "repository.OrderReportRepository.summarizeSlowly(")));
    }

    /** The one repeated-identical-query finding whose fingerprint reads {@code table}. */
    private static JsonNode repeatedQueryOn(String table) {
        List<JsonNode> found = PackagedSampleRun.findings(report, "repeated-identical-query").stream()
                .filter(f -> f.at("/fingerprint").asText().toLowerCase(Locale.ROOT).contains(" " + table + " "))
                .toList();
        assertThat(found).as("repeated-identical-query findings on %s", table).hasSize(1);
        return found.get(0);
    }

    /** Every call site of {@code findings} is one of the planted problem's: none is a twin's. */
    private static void assertOnlyAt(List<JsonNode> findings, String... planted) {
        for (JsonNode finding : findings) {
            assertThat(PackagedSampleRun.callSites(finding)).as("call sites of %s", finding.get("id"))
                    .allMatch(site -> List.of(planted).stream().anyMatch(p -> site.startsWith(SHOP + p)));
        }
    }
}
