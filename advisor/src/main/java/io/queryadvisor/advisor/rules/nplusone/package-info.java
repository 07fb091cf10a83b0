/**
 * The n-plus-one rule: one query run once per row of a query before it, inside one unit of work;
 * its evidence, and the one query that replaces the loop, written in the database's dialect.
 */
package io.queryadvisor.advisor.rules.nplusone;
