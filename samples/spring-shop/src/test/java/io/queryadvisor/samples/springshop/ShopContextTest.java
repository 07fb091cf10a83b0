package io.queryadvisor.samples.springshop;

import io.queryadvisor.samples.springshop.traffic.ShopClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;

/**
 * The shop's Spring context on a random port, on the test database in schema spring_shop_test, with
 * its statements and requests recorded. Test classes extending it share one context (Spring caches
 * it), so the data is generated once per run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shop.schema=spring_shop_test")
@Import({StatementLog.class, RequestLog.class})
abstract class ShopContextTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    private int port;
    @Autowired
    protected StatementLog statements;
    @Autowired
    protected RequestLog requests;

    protected ShopClient shop;

    @BeforeEach
    void connect() {
        shop = new ShopClient(URI.create("http://localhost:" + port + "/"));
    }
}
