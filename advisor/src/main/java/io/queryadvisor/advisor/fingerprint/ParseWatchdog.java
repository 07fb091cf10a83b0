package io.queryadvisor.advisor.fingerprint;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * Stops a JSqlParser parse that runs past its budget, by raising the parser's own
 * {@code interrupted} flag, which its lookaheads test; the parse then fails within a fraction of
 * a second. JSqlParser needs this: on some texts that it cannot parse its backtracking grows
 * exponentially ({@code select ((((( from where} takes seconds, each extra parenthesis more),
 * which is why {@code CCJSqlParserUtil} runs every parse on a fresh executor with a timeout.
 * Here the parse stays on the calling thread and one shared daemon thread only raises flags.
 *
 * <p>{@code interrupted} is a plain field, written here and read by the parsing thread; that is
 * how JSqlParser's own timeout uses it, and a late read only delays the stop.
 */
final class ParseWatchdog {

    private ParseWatchdog() {
    }

    /** An alarm that interrupts {@code parser} after {@code millis}; cancel it when the parse ends. */
    static ScheduledFuture<?> interruptAfter(CCJSqlParser parser, long millis) {
        return Timer.INSTANCE.schedule(() -> {
            parser.interrupted = true;
        }, millis, TimeUnit.MILLISECONDS);
    }

    /** Started on first use, so an advisor that never fingerprints starts no thread. */
    private static final class Timer {
        static final ScheduledThreadPoolExecutor INSTANCE = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "query-advisor-parse-watchdog");
                thread.setDaemon(true);
                return thread;
            });
            // nearly every alarm is cancelled; removing them keeps the queue as short as the parses in flight
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }
}
