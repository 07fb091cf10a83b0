package io.queryadvisor.samples.springshop;

import io.queryadvisor.samples.springshop.traffic.ShopVisit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShopVisitTest extends ShopContextTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void anIterationCallsEveryEndpointOfTheShopOnce() throws Exception {
        requests.clear();

        new ShopVisit(shop, 42).run(0);

        assertThat(requests.endpoints()).hasSize(ShopVisit.CALLS).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(shopEndpoints());
    }

    @Test
    void anIterationRuns116StatementsPlusTheSequencesOccasionalNextval() throws Exception {
        statements.clear();

        new ShopVisit(shop, 42).run(5);

        // The count samples/spring-shop/README.md gives; a nextval per sequence every 10 iterations or so.
        assertThat(statements.statements()).filteredOn(sql -> !sql.startsWith("select nextval(")).hasSize(116);
        assertThat(statements.statements()).filteredOn(sql -> sql.startsWith("select nextval(")).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void iterationsSucceedWhateverTheirParameters() throws Exception {
        ShopVisit visit = new ShopVisit(shop, 7);
        // Iteration 99 reads the catalogue's deepest page the walk reaches (OFFSET 49,500).
        for (long index : new long[] {1, 2, 99}) {
            visit.run(index);
        }
    }

    /** "GET /orders", ... for every handler method of the shop's controllers (Spring's /error left out). */
    private List<String> shopEndpoints() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(mapping -> mapping.getValue().getBeanType().getPackageName().startsWith(SpringShopApplication.class.getPackageName()))
                .map(Map.Entry::getKey)
                .map(ShopVisitTest::endpoint)
                .toList();
    }

    private static String endpoint(RequestMappingInfo mapping) {
        return mapping.getMethodsCondition().getMethods().iterator().next() + " "
                + mapping.getPathPatternsCondition().getPatternValues().iterator().next();
    }
}
