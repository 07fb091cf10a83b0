package io.queryadvisor.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Asks again until an answer satisfies a condition: for what a database makes visible a moment
 * after the fact (PostgreSQL's statistics views see a transaction's rows once its backend has
 * flushed them). The guard only stops a hang; no test depends on how long it takes.
 */
public final class Eventually {

    private static final Duration GUARD = Duration.ofSeconds(60);
    private static final long PAUSE_NANOS = Duration.ofMillis(50).toNanos();

    private Eventually() {
    }

    /** The first answer of {@code ask} that satisfies {@code condition}; fails after the guard. */
    public static <T> T get(Callable<T> ask, Predicate<? super T> condition, String what) throws Exception {
        long deadline = System.nanoTime() + GUARD.toNanos();
        T answer = ask.call();
        while (!condition.test(answer)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": still not so after " + GUARD + ", last answer " + answer);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
            answer = ask.call();
        }
        return answer;
    }
}
