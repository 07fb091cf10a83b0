/** The {@code pool-oversized} rule: pools whose connections sit idle nearly all the time. */
package io.queryadvisor.advisor.rules.pooloversized;
