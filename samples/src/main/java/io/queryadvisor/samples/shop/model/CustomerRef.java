package io.queryadvisor.samples.shop.model;

/** The little a login needs to know about a customer found by e-mail. */
public record CustomerRef(long id, String name) {
}
