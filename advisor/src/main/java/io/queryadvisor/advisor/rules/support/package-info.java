/**
 * Plumbing shared by rules: units of work (request, transaction, checkout), bounded
 * per-fingerprint maps and counters, and the builder that turns statistics and evidence into a
 * Recommendation with its severity.
 */
package io.queryadvisor.advisor.rules.support;
