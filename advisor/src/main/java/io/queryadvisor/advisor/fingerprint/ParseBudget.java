package io.queryadvisor.advisor.fingerprint;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How much parse time the advisor allows itself per second, shared by every parse. A single parse
 * is bounded ({@link StatementParser#BUDGET_MILLIS}), but a flood of distinct hard texts, each using
 * its whole bound, kept the consumer a hundred seconds behind (200 such texts) and took a core from
 * the application. With this budget the consumer parses at most {@code millisPerSecond} in any
 * second; past it, texts are fingerprinted from their tokens (see {@link FingerprintCache}) until the
 * next second, and a parse that starts late in a second gets only what is left of it.
 *
 * <p>Unspent time does not accumulate beyond one second; a parse that overruns what it was granted
 * (the watchdog stops it a little late) is paid for from the next seconds. Consumer thread only.
 */
public final class ParseBudget {

    /** A quarter of one core at most, on the advisor's single consumer thread. */
    public static final long DEFAULT_MILLIS_PER_SECOND = 250;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final long perSecondNanos;
    private final LongSupplier nanoClock;
    private long windowStart;
    private long spent;
    private long denied;

    /** @param nanoClock {@link System#nanoTime} outside tests */
    public ParseBudget(long millisPerSecond, LongSupplier nanoClock) {
        this.perSecondNanos = TimeUnit.MILLISECONDS.toNanos(millisPerSecond);
        this.nanoClock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
    }

    /** The default budget on the system clock. */
    public static ParseBudget defaults() {
        return new ParseBudget(DEFAULT_MILLIS_PER_SECOND, System::nanoTime);
    }

    /** The clock's time, to pass to {@link #charge} once the parse is done. */
    long now() {
        return nanoClock.getAsLong();
    }

    /**
     * Milliseconds the next parse may take, at most {@code maxMillis}; 0 when this second's budget
     * is spent (counted as denied).
     */
    long grant(long maxMillis) {
        roll(now());
        long left = perSecondNanos - spent;
        if (left <= 0) {
            denied++;
            return 0;
        }
        return Math.min(maxMillis, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }

    /** The most {@link #grant} ever gives, at the start of an unspent second: {@code maxMillis} or a second's budget. */
    long fullGrant(long maxMillis) {
        return Math.min(maxMillis, Math.max(1, TimeUnit.NANOSECONDS.toMillis(perSecondNanos)));
    }

    /** Charges the parse that began at {@code startNanos}; returns its duration in nanoseconds. */
    long charge(long startNanos) {
        long took = Math.max(0, now() - startNanos);
        spent += took;
        return took;
    }

    /** Parses refused because the budget was spent. */
    public long denied() {
        return denied;
    }

    /** A new second (or several) began: each pays off a second's worth of what was spent. */
    private void roll(long now) {
        long seconds = (now - windowStart) / SECOND;
        if (seconds > 0) {
            windowStart += seconds * SECOND;
            spent = Math.max(0, spent - seconds * perSecondNanos);
        }
    }
}
