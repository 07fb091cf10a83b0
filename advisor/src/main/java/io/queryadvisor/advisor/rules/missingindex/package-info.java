/**
 * The missing-index rule: the queries worth it are explained by the database probe (on real
 * bind values), the sequential scans of large tables that filter most rows out are turned into a
 * {@code CREATE INDEX}, and PostgreSQL's hypopg verifies that index before it is suggested; a
 * later examination that finds the scan gone resolves the finding.
 */
package io.queryadvisor.advisor.rules.missingindex;
