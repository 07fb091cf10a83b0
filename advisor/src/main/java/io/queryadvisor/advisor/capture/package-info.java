/**
 * The event stream: the sealed CaptureEvent hierarchy (statements, connections, transactions,
 * requests, databases, the clock), the bounded lock-free CaptureBuffer that application threads
 * hand events to, and the one listener interface that everything downstream implements.
 */
package io.queryadvisor.advisor.capture;
