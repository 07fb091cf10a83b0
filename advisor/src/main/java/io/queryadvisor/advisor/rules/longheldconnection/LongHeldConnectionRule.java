package io.queryadvisor.advisor.rules.longheldconnection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.pool.Checkout;
import io.queryadvisor.advisor.pool.OpenCheckouts;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.CheckoutTally;
import io.queryadvisor.advisor.rules.support.Impact;
import io.queryadvisor.advisor.rules.support.PoolFinding;

/**
 * {@code long-held-connection}: a connection held while the application did something else (a
 * call to another service, a file, a sleep, rendering): for most of the time it was out, no
 * statement ran on it, and no other thread could use it. The pool needs more connections than the
 * work needs, and saturates sooner.
 *
 * <p>A checkout counts when it was held at least {@code threshold} and its statements took less
 * than {@code 1 - idleShare} of that. Judged when the connection comes back ({@code
 * ConnectionReleased} carries its hold and statement times); one never returned is the
 * {@code connection-leak} rule's. One finding per pool, with the acquiring call sites.
 *
 * <p>Settings, under {@code queryadvisor.rules.long-held-connection.}: {@code threshold} (default
 * 1 s), {@code idleShare} (default 0.5), {@code maxOpen} (default 10,000 connections out followed).
 */
public final class LongHeldConnectionRule implements Rule {

    public static final String ID = "long-held-connection";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Long-held connections",
            "Use connection pooling", RuleDescriptor.Kind.CONNECTION,
            "Connections held while no statement runs for most of the time (work outside the database with a"
                    + " connection held), with the call site that acquired them; suggests taking the connection"
                    + " only around the statements.");

    private static final int MAX_SOURCES = 64;
    private static final int MAX_SITES = 16;

    private final long thresholdNanos;
    private final double idleShare;
    private final OpenCheckouts open;
    private final Map<String, CheckoutTally> bySource = new LinkedHashMap<>();

    public LongHeldConnectionRule(RuleSettings settings) {
        this.thresholdNanos = threshold(settings).toNanos();
        this.idleShare = settings.decimal("idleShare", 0.5, 0.0, 1.0);
        this.open = new OpenCheckouts(settings.integer("maxOpen", 10_000, 10, 10_000_000));
    }

    /** How long a checkout must be held to be judged; also drawn on the Pools charts. */
    public static Duration threshold(RuleSettings settings) {
        return settings.duration("threshold", Duration.ofSeconds(1));
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void onEvent(CaptureEvent event) {
        Checkout ended = open.onEvent(event);
        if (event instanceof ConnectionReleased e && ended != null && e.heldNanos() >= thresholdNanos) {
            long idle = Math.max(0, e.heldNanos() - e.statementNanos());
            if (idle >= idleShare * e.heldNanos()) {
                CheckoutTally tally = bySource.get(ended.source());
                if (tally == null && bySource.size() < MAX_SOURCES) {
                    tally = new CheckoutTally(MAX_SITES);
                    bySource.put(ended.source(), tally);
                }
                if (tally != null) {
                    tally.add(ended.callSite(), ended.threadName(), e.heldNanos() / 1e6, idle / 1e6);
                }
            }
        }
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of("openCheckoutsForgotten", open.forgotten());
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        List<Recommendation> found = new ArrayList<>();
        bySource.forEach((source, tally) -> found.add(recommendation(source, tally, context)));
        return found;
    }

    private Recommendation recommendation(String source, CheckoutTally tally, RuleContext context) {
        String where = tally.describe("not sampled");
        double share = tally.heldMillis() == 0 ? 0 : tally.idleMillis() / tally.heldMillis();
        return PoolFinding.about(ID, source)
                .title("Long-held connections: " + tally.checkouts() + " checkout" + (tally.checkouts() == 1 ? "" : "s")
                        + " of " + source + " held up to " + Math.round(tally.maxHeldMillis()) + " ms with no statement"
                        + " running " + Math.round(Impact.percent(share)) + "% of the time, taken at " + where)
                .evidence("checkouts", tally.checkouts())
                .evidence("heldMillis", tally.heldMillis())
                .evidence("idleMillis", tally.idleMillis())
                .evidence("idleSharePercent", Impact.percent(share))
                .evidence("longestHeldMillis", tally.maxHeldMillis())
                .evidence("thresholdMillis", thresholdNanos / 1e6)
                .evidence("callSites", where)
                .evidence("thread", tally.longestThread() == null ? "unknown" : tally.longestThread())
                .callSites(tally.callSites())
                .impact(tally.idleMillis(), tally.checkouts())
                .suggestion(Suggestion.withJava("Hold the connection only around the statements (" + where + "): do the"
                        + " slow work (remote calls, files, computation, waiting) before taking it or after giving it back,"
                        + " and keep transactions short. Each idle second held is a second no other request can use it.",
                        "var input = remoteService.fetch();          // before: no connection held\n"
                                + "try (Connection c = dataSource.getConnection()) {\n"
                                + "    save(c, input);                        // statements only\n"
                                + "}\n"
                                + "notifier.send(input);                     // after: connection returned"))
                .build(context);
    }
}
