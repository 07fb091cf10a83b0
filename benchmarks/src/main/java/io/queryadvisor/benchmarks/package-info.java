/**
 * JMH benchmarks of the capture path against raw JDBC and datasource-proxy, over a stub driver
 * so that only the capture layer's own cost remains. Run by hand, never by the tests.
 */
package io.queryadvisor.benchmarks;
