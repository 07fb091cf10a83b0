/**
 * The {@code table-maintenance} rule: PostgreSQL tables with many dead rows, or whose vacuum or
 * analyze is long overdue, from the probe's schema facts on a slow schedule.
 */
package io.queryadvisor.advisor.rules.tablemaintenance;
