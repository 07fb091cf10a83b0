package io.queryadvisor.samples.shop.traffic;

import io.queryadvisor.samples.shop.db.DataSet;
import io.queryadvisor.samples.shop.model.CartLine;
import io.queryadvisor.samples.shop.model.CustomerRef;
import io.queryadvisor.samples.shop.model.ProductSummary;
import io.queryadvisor.samples.shop.storefront.BackOffice;
import io.queryadvisor.samples.shop.storefront.Storefront;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * What one iteration of traffic does: one shopper's visit (account page, login, a category page,
 * a catalogue page, "my recent orders" twice, a checkout, a guest's checkout, a product's page twice)
 * and the back office's (a page of the order list and the next one, a customer's orders twice, a
 * delivery twice) plus, every {@value #SLOW_REPORT_EVERY}th iteration, the back office's report and
 * the mailing list's export (twice).
 *
 * <p>The requests, and so the statements, are the same in every iteration; only their parameters
 * vary, drawn from a random generator seeded with the run's seed and the iteration's number. The
 * statement counts per iteration are listed in samples/README.md, for the end-to-end tests.
 */
public final class TrafficMix implements TrafficIteration {

    /** Iterations 0, 20, 40, ... also run the slow report. */
    public static final int SLOW_REPORT_EVERY = 20;
    public static final int PAGE_SIZE = 20;
    public static final int CART_SIZE = 3;
    public static final int TOP_CUSTOMERS = 10;
    /** The first page of the order list the back office reads (pages are {@link BackOffice#ORDERS_PER_PAGE} orders). */
    public static final int FIRST_ORDER_PAGE = 100;
    /** Customers per page of the mailing list's well-written export. */
    public static final int EXPORT_PAGE = 1_000;

    private final Storefront storefront;
    private final DataSet data;
    private final long seed;

    public TrafficMix(Storefront storefront, DataSet data, long seed) {
        this.storefront = storefront;
        this.data = data;
        this.seed = seed;
    }

    @Override
    public void run(long index) throws SQLException {
        // A generator per iteration: iteration i draws the same parameters on any thread, in any order.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);

        long customerId = 1 + random.nextLong(data.customers());
        check(storefront.showCustomer(customerId).isPresent(), "customer %d not found", customerId);

        long loginId = 1 + random.nextLong(data.customers());
        Optional<CustomerRef> login = storefront.login(DataSet.emailOf(loginId));
        check(login.map(CustomerRef::id).equals(Optional.of(loginId)), "login of customer %d failed", loginId);

        String category = DataSet.CATEGORIES.get(random.nextInt(DataSet.CATEGORIES.size()));
        check(!storefront.browseCategory(category).isEmpty(), "category %s is empty", category);

        long afterId = random.nextLong(data.products() - PAGE_SIZE + 1);
        List<ProductSummary> page = storefront.listProducts(afterId, PAGE_SIZE);
        check(page.size() == PAGE_SIZE, "the page after product %d is short", afterId);

        long regularId = 1 + random.nextLong(data.regularCustomers());
        check(storefront.recentOrdersOneByOne(regularId).size() == Storefront.RECENT_ORDERS, "customer %d lacks orders", regularId);
        check(storefront.recentOrders(regularId).size() == Storefront.RECENT_ORDERS, "customer %d lacks orders", regularId);

        storefront.placeOrder(customerId, cart(page, random));
        storefront.guestCheckout(customerId);

        ProductSummary product = page.get(random.nextInt(page.size()));
        check(product.equals(storefront.productPage(product.id())), "product %d reads differently", product.id());
        check(product.equals(storefront.productPageOnce(product.id())), "product %d reads differently", product.id());

        backOffice(index, customerId, random);

        if (index % SLOW_REPORT_EVERY == 0) {
            check(storefront.topCustomers(TOP_CUSTOMERS).size() == TOP_CUSTOMERS, "the report is short");
            BackOffice backOffice = storefront.backOffice();
            check(backOffice.exportCustomers().size() >= data.customers(), "the export is short");
            check(backOffice.exportCustomersAfter(random.nextLong(data.customers() - EXPORT_PAGE), EXPORT_PAGE).size()
                    == EXPORT_PAGE, "the export's page is short");
        }
    }

    /** The back office's share of the visit: the order list, the support desk, a delivery. */
    private void backOffice(long index, long customerId, SplittableRandom random) throws SQLException {
        BackOffice backOffice = storefront.backOffice();
        // Pages 100 to 199 of the order list: the OFFSET is 2,000 rows or more, whatever the iteration.
        BackOffice.OrderPage orders = backOffice.ordersPage(FIRST_ORDER_PAGE + (int) (index % 100));
        check(orders.orders().size() == BackOffice.ORDERS_PER_PAGE, "page %d of the orders is short", index % 100);
        long lastShown = orders.orders().get(orders.orders().size() - 1).id();
        check(backOffice.ordersBefore(lastShown).size() == BackOffice.ORDERS_PER_PAGE, "the orders before %d are short", lastShown);

        check(backOffice.ordersOfCustomerInlined(customerId).size() == backOffice.ordersOfCustomer(customerId).size(),
                "customer %d's orders differ", customerId);

        long firstProduct = 1 + random.nextLong(data.products() - BackOffice.RESTOCKED_PRODUCTS);
        backOffice.restockOneByOne(firstProduct, 1);
        backOffice.restock(firstProduct, 1);
    }

    /** {@value #CART_SIZE} different products of the page, 1 to 3 of each, at the listed price. */
    private static List<CartLine> cart(List<ProductSummary> page, SplittableRandom random) {
        int first = random.nextInt(page.size());
        int step = page.size() / CART_SIZE;
        return IntStream.range(0, CART_SIZE)
                .mapToObj(i -> page.get((first + i * step) % page.size()))
                .map(product -> new CartLine(product.id(), 1 + random.nextInt(3), product.price()))
                .toList();
    }

    private static void check(boolean expected, String problem, Object... arguments) {
        if (!expected) {
            // The data set guarantees all of these; failing one means the data or a query is broken.
            throw new IllegalStateException(String.format(problem, arguments));
        }
    }
}
