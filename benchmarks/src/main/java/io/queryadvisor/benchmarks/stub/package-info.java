/**
 * An in-process stub JDBC driver whose statements answer at once.
 */
package io.queryadvisor.benchmarks.stub;
