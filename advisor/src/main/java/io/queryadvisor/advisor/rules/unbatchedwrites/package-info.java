/**
 * The unbatched-writes rule: the same INSERT, UPDATE or DELETE run row by row, one round trip each,
 * where one JDBC batch would do; the fix in the driver's and Hibernate's terms.
 */
package io.queryadvisor.advisor.rules.unbatchedwrites;
