package io.queryadvisor.samples.shop.storefront;

import io.queryadvisor.samples.shop.model.CustomerRef;
import io.queryadvisor.samples.shop.model.Order;
import io.queryadvisor.samples.shop.repository.CustomerRepository;
import io.queryadvisor.samples.shop.repository.OrderAdminRepository;
import io.queryadvisor.samples.shop.repository.StockRepository;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The back office's requests (order list, support desk, warehouse, mailing list), each planted
 * problem beside its well-written twin. Like the storefront's, each request is one connection.
 */
public final class BackOffice {

    /** Products one restock delivery covers. */
    public static final int RESTOCKED_PRODUCTS = 12;
    /** Orders per page of the order list. */
    public static final int ORDERS_PER_PAGE = 20;

    private final Requests requests;
    private final OrderAdminRepository orders = new OrderAdminRepository();
    private final CustomerRepository customers = new CustomerRepository();
    private final StockRepository stock = new StockRepository();

    BackOffice(Requests requests) {
        this.requests = requests;
    }

    /** Page {@code page} of all orders, with the number of orders for "page N of M". */
    public OrderPage ordersPage(int page) throws SQLException {
        return requests.run(connection -> new OrderPage(orders.findPage(connection, page, ORDERS_PER_PAGE),
                orders.countAll(connection)));
    }

    /** Well written: the page of orders after the last one shown, by keyset, without a count. */
    public List<Order> ordersBefore(long beforeId) throws SQLException {
        return requests.run(connection -> orders.findPageBefore(connection, beforeId, ORDERS_PER_PAGE));
    }

    /** The support desk's list of a customer's orders. */
    public List<Order> ordersOfCustomerInlined(long customerId) throws SQLException {
        return requests.run(connection -> orders.findByCustomerInlined(connection, customerId));
    }

    /** Well written: the same list, with the id bound. */
    public List<Order> ordersOfCustomer(long customerId) throws SQLException {
        return requests.run(connection -> orders.findByCustomer(connection, customerId));
    }

    /** A delivery: {@value #RESTOCKED_PRODUCTS} products from {@code firstProductId} on get {@code quantity} more each. */
    public void restockOneByOne(long firstProductId, int quantity) throws SQLException {
        requests.run(connection -> {
            // PLANTED: unbatched-writes — one UPDATE and one round trip per product; restock is the twin.
            for (long id : delivery(firstProductId)) {
                stock.addStock(connection, id, quantity);
            }
            return null;
        });
    }

    /** Well written: the same delivery in one JDBC batch. */
    public void restock(long firstProductId, int quantity) throws SQLException {
        requests.run(connection -> {
            stock.addStockInBatch(connection, delivery(firstProductId), quantity);
            return null;
        });
    }

    /** The mailing list: every customer at once. */
    public List<CustomerRef> exportCustomers() throws SQLException {
        return requests.run(customers::exportAll);
    }

    /** Well written: one bounded page of the mailing list, after customer {@code afterId}. */
    public List<CustomerRef> exportCustomersAfter(long afterId, int pageSize) throws SQLException {
        return requests.run(connection -> customers.exportPage(connection, afterId, pageSize));
    }

    private static List<Long> delivery(long firstProductId) {
        return LongStream.range(firstProductId, firstProductId + RESTOCKED_PRODUCTS).boxed().toList();
    }

    /** One page of orders and how many there are in all. */
    public record OrderPage(List<Order> orders, long total) {
    }
}
