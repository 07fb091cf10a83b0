package io.queryadvisor.samples.shop.model;

import java.math.BigDecimal;

/** A product as a listing shows it: what a shopper sees before opening the product page. */
public record ProductSummary(long id, String name, BigDecimal price) {
}
