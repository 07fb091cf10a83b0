package io.queryadvisor.advisor.rules.support;

import java.util.List;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.stats.CallSiteCount;

/**
 * Checkouts a connection rule found wrong (held too long, never returned): how many, how long
 * they were held and idle, and their acquiring call sites (a bounded {@link CallSiteTally}).
 * Consumer thread only.
 */
public final class CheckoutTally {

    private final CallSiteTally sites;
    private long checkouts;
    private double heldMillis;
    private double idleMillis;
    private double maxHeldMillis;
    private String longestThread;

    public CheckoutTally(int maxSites) {
        this.sites = new CallSiteTally(maxSites);
    }

    /** One checkout from {@code site} (or {@code null}), held {@code heldMillis}, {@code idleMillis} of it with no statement. */
    public void add(CallSite site, String thread, double heldMillis, double idleMillis) {
        checkouts++;
        this.heldMillis += heldMillis;
        this.idleMillis += idleMillis;
        if (heldMillis > maxHeldMillis) {
            maxHeldMillis = heldMillis;
            longestThread = thread;
        }
        sites.add(site, 1);
    }

    public long checkouts() {
        return checkouts;
    }

    public double heldMillis() {
        return heldMillis;
    }

    public double idleMillis() {
        return idleMillis;
    }

    public double maxHeldMillis() {
        return maxHeldMillis;
    }

    /** The thread of the longest one. */
    public String longestThread() {
        return longestThread;
    }

    /** Most checkouts first, then the others; empty when none was sampled. */
    public List<CallSiteCount> callSites() {
        return sites.callSites();
    }

    /** The call sites in words, for evidence, or {@code none}. */
    public String describe(String none) {
        return sites.describe(none);
    }
}
