package io.queryadvisor.advisor.rules.support;

/**
 * What is known of a unit of work that ended, besides what its rule kept: which unit it was (a
 * series of checkouts once a checkout was continued) and, for a request, its endpoint.
 *
 * @param key      the unit
 * @param endpoint the endpoint of the request its statements ran in (the first one seen), or {@code null}
 */
public record EndedUnit(UnitOfWorkKey key, String endpoint) {
}
