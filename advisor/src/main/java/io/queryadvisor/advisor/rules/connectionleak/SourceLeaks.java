package io.queryadvisor.advisor.rules.connectionleak;

import java.util.LinkedHashMap;
import java.util.Map;

import io.queryadvisor.advisor.pool.Checkout;
import io.queryadvisor.advisor.rules.support.CheckoutTally;

/** The leaks of one pool or data source. Consumer thread only. */
final class SourceLeaks {

    private static final int MAX_SITES = 16;

    final CheckoutTally leaks = new CheckoutTally(MAX_SITES);
    /** Connections out past the threshold, flagged on a tick, by connection id. */
    final Map<Long, Checkout> out = new LinkedHashMap<>();
    long returnedLate;
    double longestReturnedMillis;

    void flagged(Checkout c, double ageMillis) {
        out.put(c.connectionId(), c);
        leaks.add(c.callSite(), c.threadName(), ageMillis, ageMillis);
    }

    /** A flagged connection came back after all. */
    void returned(long connectionId, double heldMillis) {
        if (out.remove(connectionId) != null) {
            returnedLate++;
            longestReturnedMillis = Math.max(longestReturnedMillis, heldMillis);
        }
    }

    /** A connection came back late without having been flagged out (it was held between two ticks' judgement). */
    void returnedLate(Checkout c, double heldMillis, double idleMillis) {
        leaks.add(c.callSite(), c.threadName(), heldMillis, idleMillis);
        returnedLate++;
        longestReturnedMillis = Math.max(longestReturnedMillis, heldMillis);
    }
}
