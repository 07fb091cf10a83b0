/** The {@code pool-saturation} rule: threads waiting for a connection, slow acquisitions, acquisition timeouts. */
package io.queryadvisor.advisor.rules.poolsaturation;
