package io.queryadvisor.samples.springshop.service;

import io.queryadvisor.samples.springshop.domain.Order;
import io.queryadvisor.samples.springshop.domain.Product;
import io.queryadvisor.samples.springshop.repository.OrderRepository;
import io.queryadvisor.samples.springshop.repository.ProductQuantity;
import io.queryadvisor.samples.springshop.repository.ProductRepository;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A customer's orders: the latest ones, and placing a new one. */
@Service
public class OrderService {

    /** Orders in a customer's order history. */
    public static final int LATEST_ORDERS = 10;

    private final OrderRepository orders;
    private final ProductRepository products;

    public OrderService(OrderRepository orders, ProductRepository products) {
        this.orders = orders;
        this.products = products;
    }

    @Transactional(readOnly = true)
    public List<OrderView> latestOrders(long customerId) {
        // PLANTED: N+1. One SELECT for the orders, then OrderView.of touches each order's LAZY lines:
        // one more SELECT per order, 10 in all, from the same place with a different order_id.
        return orders.findByCustomerIdOrderByCreatedAtDescIdDesc(customerId, Limit.of(LATEST_ORDERS)).stream()
                .map(OrderView::of)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<OrderView> latestOrdersWithLines(long customerId) {
        // Two SELECTs whatever the number of orders: the page of ids, then those orders joined
        // with their lines (an entity graph, i.e. a JOIN FETCH).
        List<Long> ids = orders.findLatestIds(customerId, Limit.of(LATEST_ORDERS));
        if (ids.isEmpty()) {
            return List.of();
        }
        return orders.findWithLinesByIdInOrderByCreatedAtDescIdDesc(ids).stream()
                .map(OrderView::of)
                .toList();
    }

    /**
     * Places an order at the catalogue's prices: one INSERT for the order (its id comes back from
     * the identity column), the lines in one JDBC batch at commit, each with its order_id at once
     * because OrderLine owns the association.
     */
    @Transactional
    public PlacedOrder placeOrder(long customerId, List<ProductQuantity> lines) {
        Map<Long, Product> catalogue = products.findAllById(lines.stream().map(ProductQuantity::productId).toList())
                .stream()
                .collect(Collectors.toMap(Product::getId, Function.identity()));
        Order order = new Order(customerId, LocalDateTime.now());
        BigDecimal total = BigDecimal.ZERO;
        for (ProductQuantity line : lines) {
            Product product = catalogue.get(line.productId());
            if (product == null) {
                throw new NotFoundException("product " + line.productId());
            }
            order.addLine(product.getId(), line.quantity(), product.getPrice());
            total = total.add(product.getPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        orders.save(order);
        return new PlacedOrder(order.getId(), lines.size(), total);
    }

    /** The answer to placing an order. */
    public record PlacedOrder(long id, int lines, BigDecimal total) {
    }
}
