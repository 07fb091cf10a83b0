/**
 * The repeated-identical-query rule: the same statement with the same values read again and again
 * inside one unit of work, and the cache that would have served it.
 */
package io.queryadvisor.advisor.rules.repeatedquery;
