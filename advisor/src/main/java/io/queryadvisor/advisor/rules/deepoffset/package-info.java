/**
 * The {@code deep-offset} rule: pages read with a large OFFSET, which the database reads and throws
 * away row by row, and the page count queries run beside them; suggests keyset pagination.
 */
package io.queryadvisor.advisor.rules.deepoffset;
