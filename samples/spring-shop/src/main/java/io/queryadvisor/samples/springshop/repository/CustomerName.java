package io.queryadvisor.samples.springshop.repository;

/** A customer's id and name: all that a list of customers shows. */
public record CustomerName(long id, String name) {
}
