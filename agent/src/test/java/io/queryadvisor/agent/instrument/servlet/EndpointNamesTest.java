package io.queryadvisor.agent.instrument.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an incoming request's method and URI become a bounded endpoint name. */
class EndpointNamesTest {

    @Test
    void keepsMethodAndPlainPath() {
        assertThat(EndpointNames.of("GET", "/orders")).isEqualTo("GET /orders");
    }

    @Test
    void replacesNumericSegments() {
        assertThat(EndpointNames.of("GET", "/orders/123/lines")).isEqualTo("GET /orders/{id}/lines");
        assertThat(EndpointNames.of("DELETE", "/orders/1/lines/20")).isEqualTo("DELETE /orders/{id}/lines/{id}");
    }

    @Test
    void replacesUuidSegmentsInEitherCase() {
        assertThat(EndpointNames.of("PUT", "/carts/3f2504e0-4f89-11d3-9a0c-0305e82c3301"))
                .isEqualTo("PUT /carts/{id}");
        assertThat(EndpointNames.of("PUT", "/carts/3F2504E0-4F89-11D3-9A0C-0305E82C3301/items"))
                .isEqualTo("PUT /carts/{id}/items");
    }

    @Test
    void replacesLongHexSegments() {
        assertThat(EndpointNames.of("GET", "/documents/507f1f77bcf86cd799439011")).isEqualTo("GET /documents/{id}");
        assertThat(EndpointNames.of("GET", "/commits/da39a3ee5e6b4b0d3255bfef95601890afd80709"))
                .isEqualTo("GET /commits/{id}");
    }

    @Test
    void keepsWordsThatAreShortHex() {
        assertThat(EndpointNames.of("POST", "/cafe/add/decade")).isEqualTo("POST /cafe/add/decade");
    }

    @Test
    void keepsSegmentsThatOnlyContainDigits() {
        assertThat(EndpointNames.of("GET", "/api/v2/order-7/report2024.csv"))
                .isEqualTo("GET /api/v2/order-7/report2024.csv");
    }

    @Test
    void keepsAlmostUuidsAsTheyAre() {
        String notAUuid = "3f2504e0-4f89-11d3-9a0c-0305e82c330z";
        assertThat(EndpointNames.of("GET", "/carts/" + notAUuid)).isEqualTo("GET /carts/" + notAUuid);
    }

    @Test
    void dropsQueryStringAndFragment() {
        assertThat(EndpointNames.of("GET", "/orders/5?expand=lines&page=2")).isEqualTo("GET /orders/{id}");
        assertThat(EndpointNames.of("GET", "/orders#top")).isEqualTo("GET /orders");
    }

    @Test
    void dropsPathParametersSuchAsSessionIds() {
        assertThat(EndpointNames.of("GET", "/shop;jsessionid=9A3F/orders/42;v=1"))
                .isEqualTo("GET /shop/orders/{id}");
    }

    @Test
    void keepsTrailingSlashAndRoot() {
        assertThat(EndpointNames.of("GET", "/orders/")).isEqualTo("GET /orders/");
        assertThat(EndpointNames.of("GET", "/")).isEqualTo("GET /");
    }

    @Test
    void makesAMissingOrRelativePathAbsolute() {
        assertThat(EndpointNames.of("GET", "")).isEqualTo("GET /");
        assertThat(EndpointNames.of("GET", null)).isEqualTo("GET /");
        assertThat(EndpointNames.of("GET", "orders/9")).isEqualTo("GET /orders/{id}");
    }

    @Test
    void marksAMissingMethod() {
        assertThat(EndpointNames.of(null, "/orders")).isEqualTo("? /orders");
    }

    @Test
    void doesNotTakeNonAsciiDigitsForIds() {
        // Full-width digits: Character.isDigit says yes, but no framework routes them as ids.
        assertThat(EndpointNames.of("GET", "/orders/\uFF11\uFF12")).isEqualTo("GET /orders/\uFF11\uFF12");
    }
}
