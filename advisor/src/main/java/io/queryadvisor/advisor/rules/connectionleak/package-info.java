/** The {@code connection-leak} rule: connections never returned to their pool, or held far longer than their statements took. */
package io.queryadvisor.advisor.rules.connectionleak;
