package io.queryadvisor.advisor.rules.testing;

import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ConnectionAcquired;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.PoolSampled;
import io.queryadvisor.advisor.capture.RequestCompleted;
import io.queryadvisor.advisor.capture.RequestInfo;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.capture.TransactionEnded;
import io.queryadvisor.advisor.pool.PoolSettings;
import io.queryadvisor.advisor.pool.PoolUsage;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.stats.CaptureHealth;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;

/**
 * A pool's life written as events on a clock of the script's own (milliseconds from 0), fed to a
 * real {@link PoolUsage} and to the rule under test, as the advisor feeds them: checkouts,
 * samples of the pool's gauges, seconds.
 */
public final class PoolScript {

    /** The source {@link ObservedStatementBuilder}'s statements run on. */
    public static final String POOL = UnitOfWorkScript.DATA_SOURCE;
    private static final long MS = 1_000_000L;

    private final PoolUsage usage = new PoolUsage();
    private final Rule rule;
    private long nowMillis;

    public PoolScript(Rule rule) {
        this.rule = rule;
    }

    public PoolScript() {
        this(null);
    }

    public long now() {
        return nowMillis;
    }

    /** Connection {@code id} taken now after waiting {@code waitMillis}, from {@code site}, in {@code request} (or null). */
    public PoolScript acquire(long id, long waitMillis, CallSite site, RequestInfo request) {
        return feed(new ConnectionAcquired(id, POOL, (nowMillis - waitMillis) * MS, waitMillis * MS, 1, "worker", site,
                request));
    }

    /** Connection {@code id} given back now, its statements having taken {@code statementMillis}. */
    public PoolScript release(long id, long heldMillis, long statementMillis) {
        return feed(new ConnectionReleased(id, (nowMillis - heldMillis) * MS, heldMillis * MS, 1, statementMillis * MS));
    }

    public PoolScript commit(long connectionId) {
        return feed(new TransactionEnded(connectionId, 1, true, nowMillis * MS, MS, 1));
    }

    public PoolScript requestEnds(RequestInfo request) {
        return feed(new RequestCompleted(request, nowMillis * MS, MS));
    }

    public PoolScript sample(int active, int idle, int waiting, PoolSettings settings) {
        return feed(new PoolSampled(POOL, active + idle, active, idle, waiting, settings, nowMillis * MS));
    }

    /** {@code seconds} seconds pass, with a tick each; before each, {@code everySecond} runs. */
    public PoolScript seconds(int seconds, Runnable everySecond) {
        for (int i = 0; i < seconds; i++) {
            everySecond.run();
            nowMillis += 1_000;
            feed(new Tick(nowMillis * MS, 1_700_000_000_000L + nowMillis));
        }
        return this;
    }

    public PoolScript seconds(int seconds) {
        return seconds(seconds, () -> { });
    }

    public PoolScript feed(CaptureEvent event) {
        usage.onEvent(event);
        if (rule != null) {
            rule.onEvent(event);
        }
        return this;
    }

    public PoolUsage usage() {
        return usage;
    }

    public List<Recommendation> recommendations() {
        WorkloadSnapshot none = new WorkloadSnapshot(0, List.of(), CaptureHealth.NONE);
        return rule.recommend(new RuleContext(none, Map.of(), usage.snapshot()));
    }
}
