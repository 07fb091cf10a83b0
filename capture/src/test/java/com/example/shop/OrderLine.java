package com.example.shop;

/** One line of an order: how many of which product. */
public record OrderLine(long orderId, long productId, int quantity) {
}
