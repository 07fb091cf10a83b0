/**
 * The select-star rule: SELECT * and t.*, the columns the code actually read, and the statement
 * rewritten with them.
 */
package io.queryadvisor.advisor.rules.selectstar;
