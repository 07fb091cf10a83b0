package io.queryadvisor.samples.springshop.repository;

/** A quantity of one product: a line of a wishlist, an order or a delivery, as the client sends it. */
public record ProductQuantity(long productId, int quantity) {
}
