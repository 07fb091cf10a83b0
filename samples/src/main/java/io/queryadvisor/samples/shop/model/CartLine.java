package io.queryadvisor.samples.shop.model;

import java.math.BigDecimal;

/** A product in a shopper's cart, at the price the listing showed, about to become an order line. */
public record CartLine(long productId, int quantity, BigDecimal unitPrice) {
}
