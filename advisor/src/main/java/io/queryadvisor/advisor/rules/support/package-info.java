/**
 * Plumbing shared by rules: units of work (request, transaction, checkout, series of checkouts on
 * one thread) and the budget of what their open units hold, bounded per-fingerprint maps and
 * counters, the tallies of units and call sites that evidence shows, Java names for a suggestion's
 * code, and the builder that turns statistics and evidence into a Recommendation with its severity.
 */
package io.queryadvisor.advisor.rules.support;
