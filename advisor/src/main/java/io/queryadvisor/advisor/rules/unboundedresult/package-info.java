/**
 * The unbounded-result rule: queries without a limit that read many rows, or more and more, and
 * whether the driver was asked to stream them (a fetch size).
 */
package io.queryadvisor.advisor.rules.unboundedresult;
