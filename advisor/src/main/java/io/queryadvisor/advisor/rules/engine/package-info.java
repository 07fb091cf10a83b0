/**
 * Which rules exist (RuleRegistry, built and planned, the one place a rule is registered), how
 * they run (RuleEngine, isolating failures) and the README's rule table written from their
 * descriptors.
 */
package io.queryadvisor.advisor.rules.engine;
