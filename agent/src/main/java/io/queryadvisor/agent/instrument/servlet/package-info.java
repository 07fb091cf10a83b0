/**
 * Servlet instrumentation (jakarta and javax): which HTTP request, and which normalised
 * endpoint, a statement runs in.
 */
package io.queryadvisor.agent.instrument.servlet;
