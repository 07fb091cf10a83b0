/**
 * The traffic driver: HTTP calls to the shop's own endpoints, on several threads, for a number of
 * iterations or a duration, with its progress.
 */
package io.queryadvisor.samples.springshop.traffic;
