/**
 * The shop's JPA entities. Two mappings are planted problems, each beside its correct twin:
 * {@link io.queryadvisor.samples.springshop.domain.Customer}'s EAGER addresses and
 * {@link io.queryadvisor.samples.springshop.domain.Wishlist}'s unidirectional items (twin:
 * {@link io.queryadvisor.samples.springshop.domain.Order}'s lines, owned by the child).
 */
package io.queryadvisor.samples.springshop.domain;
