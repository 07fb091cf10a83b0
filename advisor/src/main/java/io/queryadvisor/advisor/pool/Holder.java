package io.queryadvisor.advisor.pool;

/**
 * One of the longest checkouts: who held a connection, how long, and how much of it the database
 * was busy.
 *
 * @param callSite        the acquiring application frame, or {@code null} when not sampled
 * @param open            still out when published
 * @param statementMillis time its statements took, together (so far, when open: unknown, 0)
 */
public record Holder(String callSite, String thread, String endpoint, double heldMillis, int statements,
                     double statementMillis, boolean open, long acquiredAtEpochMillis) {
}
