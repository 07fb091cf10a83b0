package io.queryadvisor.samples.shop.model;

/** A customer as the account page shows it. */
public record Customer(long id, String name, String email, String city) {
}
