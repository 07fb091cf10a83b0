package io.queryadvisor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The packaged Spring Boot + JPA sample with the packaged agent: the planted problems the issue-18
 * rules cover (samples/spring-shop/README.md, problems 3, 4, 5, 7 and 8) are in its report, at the code
 * that causes them, and none of those rules finds anything at their twins.
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
