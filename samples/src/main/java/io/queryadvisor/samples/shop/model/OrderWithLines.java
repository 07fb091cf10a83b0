package io.queryadvisor.samples.shop.model;

import java.util.List;

/** An order with its lines, as the "my recent orders" page shows it. */
public record OrderWithLines(Order order, List<OrderLine> lines) {

    public OrderWithLines {
        lines = List.copyOf(lines);
    }
}
