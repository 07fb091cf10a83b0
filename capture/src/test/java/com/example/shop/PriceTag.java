package com.example.shop;

import java.math.BigDecimal;

/** What a product listing shows of a product. */
public record PriceTag(String name, BigDecimal price) {
}
