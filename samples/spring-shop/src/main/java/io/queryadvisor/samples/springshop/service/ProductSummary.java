package io.queryadvisor.samples.springshop.service;

import io.queryadvisor.samples.springshop.domain.Product;

import java.math.BigDecimal;

/** A product as lists and search results show it. */
public record ProductSummary(long id, String sku, String name, String category, BigDecimal price) {

    public static ProductSummary of(Product product) {
        return new ProductSummary(product.getId(), product.getSku(), product.getName(), product.getCategory(), product.getPrice());
    }
}
