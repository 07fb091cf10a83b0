package io.queryadvisor.samples.springshop.service;

import io.queryadvisor.samples.springshop.domain.Order;
import io.queryadvisor.samples.springshop.domain.OrderLine;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** An order as the customer's order history shows it, with its lines. */
public record OrderView(long id, String status, LocalDateTime createdAt, List<Line> lines) {

    /** Reads the order's lines: if they are not loaded yet, this is where Hibernate loads them. */
    public static OrderView of(Order order) {
        List<Line> lines = order.getLines().stream().map(Line::of).toList();
        return new OrderView(order.getId(), order.getStatus(), order.getCreatedAt(), lines);
    }

    public record Line(long productId, int quantity, BigDecimal unitPrice) {

        static Line of(OrderLine line) {
            return new Line(line.getProductId(), line.getQuantity(), line.getUnitPrice());
        }
    }
}
