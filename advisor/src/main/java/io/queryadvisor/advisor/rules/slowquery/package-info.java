/**
 * The slow-query rule: statements above the threshold, queries slow as a rule or dominant in the
 * workload, and the JSON line logged for each slow statement.
 */
package io.queryadvisor.advisor.rules.slowquery;
