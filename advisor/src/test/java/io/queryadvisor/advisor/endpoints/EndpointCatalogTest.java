package io.queryadvisor.advisor.endpoints;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.execution;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.StatementExecuted;

class EndpointCatalogTest {

    private final EndpointCatalog catalog = new EndpointCatalog(2);

    @Test
    void sameNameResolvesToOneSharedInstance() {
        String first = catalog.canonical(new String("GET /orders"));
        String second = catalog.canonical(new String("GET /orders"));

        assertThat(second).isSameAs(first);
    }

    @Test
    void namesBeyondTheBoundAreOthers() {
        catalog.canonical("GET /a");
        catalog.canonical("GET /b");

        assertThat(catalog.canonical("GET /c")).isEqualTo(EndpointCatalog.OTHERS);
        assertThat(catalog.size()).isEqualTo(2);
        assertThat(catalog.overflowed()).isEqualTo(1);
    }

    @Test
    void longNameIsKeptCut() {
        String name = catalog.canonical("GET /" + "a".repeat(5_000));

        assertThat(name).hasSize(EndpointCatalog.MAX_NAME_CHARS + 1).endsWith("…");
        assertThat(catalog.find("GET /" + "a".repeat(5_000))).isSameAs(name);
    }

    @Test
    void findAddsNoName() {
        assertThat(catalog.find("GET /health")).isNull();
        assertThat(catalog.size()).isZero();
    }

    @Test
    void threadsOfOnePoolOutsideRequestsShareOneEndpoint() {
        StatementExecuted first = execution(fingerprint("SELECT 1")).thread("scheduling-1").build().event();
        StatementExecuted second = execution(fingerprint("SELECT 1")).thread("scheduling-2").build().event();

        assertThat(catalog.endpointOf(second)).isSameAs(catalog.endpointOf(first)).isEqualTo("no request: scheduling-*");
        assertThat(catalog.size()).isEqualTo(1);
    }
}
