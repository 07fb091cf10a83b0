/**
 * The {@code unused-index} rule: PostgreSQL indexes that no scan has read since the statistics were
 * reset (neither unique nor behind a constraint), with their size and the writes they cost, from
 * the probe's schema facts on a slow schedule.
 */
package io.queryadvisor.advisor.rules.unusedindex;
