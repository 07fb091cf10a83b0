package io.queryadvisor.samples.shop.storefront;

import io.queryadvisor.samples.shop.ShopFixture;
import io.queryadvisor.samples.shop.db.DataSet;
import io.queryadvisor.samples.shop.model.CartLine;
import io.queryadvisor.samples.shop.model.Customer;
import io.queryadvisor.samples.shop.model.CustomerRef;
import io.queryadvisor.samples.shop.model.CustomerRevenue;
import io.queryadvisor.samples.shop.model.OrderLine;
import io.queryadvisor.samples.shop.model.OrderWithLines;
import io.queryadvisor.samples.shop.model.ProductSummary;
import io.queryadvisor.samples.shop.repository.OrderRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class StorefrontTest {

    private static ShopFixture shop;
    private static Storefront storefront;

    @BeforeAll
    static void openShop() throws SQLException {
        shop = ShopFixture.get();
        storefront = new Storefront(shop.pool());
    }

    @Test
    void showsACustomerByPrimaryKey() throws SQLException {
        assertThat(storefront.showCustomer(77)).contains(new Customer(77, "Customer 77", "customer77@example.com", "Lisbon"));
    }

    @Test
    void showsNothingForAnUnknownCustomer() throws SQLException {
        assertThat(storefront.showCustomer(0)).isEmpty();
    }

    @Test
    void logsInByEmail() throws SQLException {
        assertThat(storefront.login(DataSet.emailOf(1234))).contains(new CustomerRef(1234, "Customer 1234"));
        assertThat(storefront.login("nobody@example.com")).isEmpty();
    }

    @Test
    void browsesEveryProductOfACategory() throws SQLException {
        // "books" is the first category: products 10, 20, 30, ...
        List<ProductSummary> books = storefront.browseCategory("books");

        assertThat(books).hasSize(200);
        assertThat(books).allSatisfy(product -> {
            assertThat(product.id() % 10).isZero();
            assertThat(product.name()).isEqualTo("Product " + product.id());
            assertThat(product.price()).isPositive();
        });
    }

    @Test
    void listsTheProductsAfterAnIdOnePageAtATime() throws SQLException {
        List<ProductSummary> page = storefront.listProducts(100, 20);

        assertThat(page).extracting(ProductSummary::id).containsExactly(LongStream.rangeClosed(101, 120).boxed().toArray(Long[]::new));
    }

    @Test
    void findsTheSameRecentOrdersOneByOneAsWithTheJoin() throws SQLException {
        List<OrderWithLines> oneByOne = storefront.recentOrdersOneByOne(7);
        List<OrderWithLines> joined = storefront.recentOrders(7);

        assertThat(oneByOne).hasSize(Storefront.RECENT_ORDERS);
        assertThat(oneByOne).allSatisfy(order -> assertThat(order.lines()).isNotEmpty());
        assertThat(joined).isEqualTo(oneByOne);
    }

    @Test
    void showsTheNewestOrdersFirst() throws SQLException {
        List<OrderWithLines> orders = storefront.recentOrders(8);

        assertThat(orders).extracting(order -> order.order().createdAt()).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(orders).allSatisfy(order -> assertThat(order.order().customerId()).isEqualTo(8));
    }

    @Test
    void placesAnOrderWithItsLines() throws SQLException {
        List<CartLine> cart = List.of(new CartLine(11, 2, new BigDecimal("19.99")), new CartLine(12, 1, new BigDecimal("5.00")));

        long orderId = storefront.placeOrder(555, cart);

        OrderWithLines placed = storefront.recentOrders(555).get(0);
        assertThat(placed.order().id()).isEqualTo(orderId).isGreaterThan(shop.data().orders());
        assertThat(placed.order().status()).isEqualTo(OrderRepository.NEW_ORDER_STATUS);
        assertThat(placed.lines()).extracting(OrderLine::productId, OrderLine::quantity, OrderLine::unitPrice)
                .containsExactly(
                        tuple(11L, 2, new BigDecimal("19.99")),
                        tuple(12L, 1, new BigDecimal("5.00")));
    }

    @Test
    void placesNothingWhenALineFails() throws SQLException {
        long ordersBefore = shop.queryForLong("SELECT count(*) FROM orders WHERE customer_id = 556");
        List<CartLine> cart = List.of(new CartLine(11, 1, BigDecimal.TEN), new CartLine(999_999, 1, BigDecimal.TEN));

        assertThatThrownBy(() -> storefront.placeOrder(556, cart)).isInstanceOf(SQLException.class);

        assertThat(shop.queryForLong("SELECT count(*) FROM orders WHERE customer_id = 556")).isEqualTo(ordersBefore);
    }

    @Test
    void reportsTheTopCustomersByRevenue() throws SQLException {
        List<CustomerRevenue> top = storefront.topCustomers(10);

        assertThat(top).hasSize(10);
        assertThat(top).extracting(CustomerRevenue::revenue).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void takesMoreThanTheSlowQueryThresholdForTheTopCustomersReport() throws SQLException {
        storefront.topCustomers(10); // warm the cache: the report must be slow even so

        long start = System.nanoTime();
        storefront.topCustomers(10);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isGreaterThan(Duration.ofMillis(100));
    }
}
