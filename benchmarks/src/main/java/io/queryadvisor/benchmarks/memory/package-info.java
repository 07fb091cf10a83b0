/**
 * The advisor's memory benchmark: the heap it retains, and how fast the dashboard answers, under
 * workloads built to grow it (distinct texts, huge texts, many statements); run by hand.
 */
package io.queryadvisor.benchmarks.memory;
