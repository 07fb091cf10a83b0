/**
 * The {@code duplicate-index} rule: PostgreSQL indexes identical to another of their table (every
 * copy in one finding) or whose key columns lead a wider index's, from the probe's schema facts on
 * a slow schedule.
 */
package io.queryadvisor.advisor.rules.duplicateindex;
