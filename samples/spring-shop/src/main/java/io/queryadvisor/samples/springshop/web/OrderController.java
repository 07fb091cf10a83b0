package io.queryadvisor.samples.springshop.web;

import io.queryadvisor.samples.springshop.repository.ProductQuantity;
import io.queryadvisor.samples.springshop.service.OrderService;
import io.queryadvisor.samples.springshop.service.OrderService.PlacedOrder;
import io.queryadvisor.samples.springshop.service.OrderView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A customer's order history, and checkout. */
@RestController
public class OrderController {

    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    /** Problem 1 (N+1): the latest orders, whose lines load lazily one order at a time. */
    @GetMapping("/orders")
    public List<OrderView> latestOrders(@RequestParam long customer) {
        return orders.latestOrders(customer);
    }

    /** Twin of problem 1: the same orders with their lines, in two queries. */
    @GetMapping("/orders/with-lines")
    public List<OrderView> latestOrdersWithLines(@RequestParam long customer) {
        return orders.latestOrdersWithLines(customer);
    }

    /** Twin of problem 5: an order and its lines, each line inserted once with its order_id. */
    @PostMapping("/orders")
    public PlacedOrder placeOrder(@RequestBody NewOrder order) {
        return orders.placeOrder(order.customerId(), Requests.nonEmpty("lines", order.lines()));
    }

    /** The body of POST /orders. */
    public record NewOrder(long customerId, List<ProductQuantity> lines) {
    }
}
