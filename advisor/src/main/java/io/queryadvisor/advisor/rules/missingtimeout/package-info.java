/** The {@code missing-timeout} rule: no query timeout anywhere, or a pool timeout so long that a saturated pool hangs requests. */
package io.queryadvisor.advisor.rules.missingtimeout;
