/**
 * Plumbing shared by rules: units of work (request, transaction, checkout, series of checkouts on
 * one thread) and the budget of what their open units hold, bounded per-fingerprint maps and
 * counters, the tallies of units and call sites that evidence shows, Java names for a suggestion's
 * code, and the builder that turns statistics and evidence into a Recommendation with its severity.
 * For the rules about the schema rather than statements: their base class ({@code SchemaRule}),
 * the schedule of their checks, one per database ({@code SchemaCheckSchedule}), and the builder of
 * their findings ({@code SchemaFinding}).
 */
package io.queryadvisor.advisor.rules.support;
