package io.queryadvisor.samples.shop.model;

import java.math.BigDecimal;

/** One line of an order: a product, how many, at the price it was sold for. */
public record OrderLine(long id, long orderId, long productId, int quantity, BigDecimal unitPrice) {
}
