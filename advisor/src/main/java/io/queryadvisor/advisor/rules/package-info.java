/**
 * The rule SPI: Rule (events in, recommendations out, on the consumer thread), its
 * RuleDescriptor, RuleContext and RuleSettings, and the Recommendation model every rule
 * produces. Each rule lives in a package of its own beside this one.
 */
package io.queryadvisor.advisor.rules;
