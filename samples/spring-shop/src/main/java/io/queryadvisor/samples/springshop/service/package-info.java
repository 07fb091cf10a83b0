/**
 * The shop's use cases, each in a transaction of its own, and the views they return. Every planted
 * problem is marked with a comment starting {@code // PLANTED:}; its correct twin sits beside it.
 */
package io.queryadvisor.samples.springshop.service;
