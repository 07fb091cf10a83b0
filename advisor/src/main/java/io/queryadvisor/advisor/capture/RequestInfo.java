package io.queryadvisor.advisor.capture;

/** An incoming request (for example an HTTP call into a servlet) that statements ran inside. */
public record RequestInfo(long id, String endpoint) {
}
