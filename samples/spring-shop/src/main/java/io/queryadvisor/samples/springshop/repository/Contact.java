package io.queryadvisor.samples.springshop.repository;

/** How to reach a customer. */
public record Contact(String name, String email) {
}
