package io.queryadvisor.advisor.rules.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.ProbeCompleted;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.probe.DatabaseConnector;
import io.queryadvisor.advisor.probe.ProbeResult;
import io.queryadvisor.advisor.probe.ProbeRuntime;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleSettings;

/**
 * A schema rule on a real database probe, on a clock the test moves: identify a database, then
 * {@link #check()} sends the rule the tick that makes its check due, waits for the probe's answer,
 * hands it to the rule as the advisor would, and returns the rule's findings. The wait is only a
 * guard against a hang; nothing depends on how long the probe takes.
 */
public final class SchemaRuleHarness implements AutoCloseable {

    public static final String PRODUCT = "PostgreSQL 15";
    /** Far beyond any answer: the probe's own timeouts end every request within seconds. */
    private static final long ANSWER_GUARD_SECONDS = 60;

    private final BlockingQueue<ProbeCompleted> answers = new LinkedBlockingQueue<>();
    private final ProbeRuntime probe;
    private final Rule rule;
    private final Duration every;
    private final List<ProbeCompleted> completed = new ArrayList<>();
    private long nowNanos = System.nanoTime();

    /**
     * @param keysAndValues the rule's settings without their prefix ({@code "minStatsAge", "0"}) and
     *                      the probe's with theirs ({@code "probe.lockTimeout", "1s"}); the first
     *                      check is due at once unless {@code firstCheckAfter} says otherwise
     */
    public SchemaRuleHarness(String ruleId, Function<RuleSettings, Rule> factory, String... keysAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("rules." + ruleId + ".firstCheckAfter", "0");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = keysAndValues[i].startsWith("probe.") ? keysAndValues[i] : "rules." + ruleId + "." + keysAndValues[i];
            values.put(key, keysAndValues[i + 1]);
        }
        Settings settings = Settings.fromStrings(values, "test");
        this.probe = ProbeRuntime.from(settings, event -> event instanceof ProbeCompleted done && answers.offer(done));
        this.rule = factory.apply(new RuleSettings(settings, ruleId, probe));
        this.every = settings.duration("rules." + ruleId + ".checkEvery", Duration.ofMinutes(10));
    }

    /** Tells the probe and the rule about a data source, as the capture layer's first connection does. */
    public SchemaRuleHarness identify(String source, String url, DatabaseConnector connector) {
        send(new DatabaseIdentified(source, PRODUCT, "test driver", url, nowNanos, connector));
        return this;
    }

    /** Sends the rule (and the probe, which learns data sources from events too) one event. */
    public void send(CaptureEvent event) {
        probe.listeners().forEach(l -> l.onEvent(event));
        rule.onEvent(event);
    }

    /**
     * Moves the clock on and sends the tick of that moment. The clock never falls behind the real
     * one: the schedule times its next check from when the probe started on the last one.
     */
    public SchemaRuleHarness tickAfter(Duration elapsed) {
        nowNanos = Math.max(nowNanos, System.nanoTime()) + elapsed.toNanos();
        send(new Tick(nowNanos, System.currentTimeMillis()));
        return this;
    }

    /** The next answer of the probe, handed to the rule; it must come. */
    public ProbeResult answer() throws InterruptedException {
        ProbeCompleted done = answers.poll(ANSWER_GUARD_SECONDS, TimeUnit.SECONDS);
        if (done == null) {
            throw new AssertionError("no answer from the probe within " + ANSWER_GUARD_SECONDS + " s");
        }
        completed.add(done);
        send(done);
        return done.result();
    }

    /** What the probe answered to the last check. */
    public ProbeResult lastResult() {
        return completed.get(completed.size() - 1).result();
    }

    /** Makes the rule's next check due, lets it run, and returns the rule's findings then. */
    public List<Recommendation> check() throws InterruptedException {
        tickAfter(completed.isEmpty() ? Duration.ZERO : every);
        answer();
        return findings();
    }

    /** The rule's findings now. */
    public List<Recommendation> findings() {
        return new RuleWorkload(rule).recommendations();
    }

    /** The findings about objects of {@code schema} (the tests share one database, each with a schema of its own). */
    public static List<Recommendation> in(String schema, List<Recommendation> findings) {
        return findings.stream().filter(r -> r.id().contains("." + schema + ".")).toList();
    }

    /** The finding whose id is {@code id}, which must be among {@code findings}. */
    public static Recommendation withId(List<Recommendation> findings, String id) {
        return findings.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + id + " in " + findings));
    }

    @Override
    public void close() {
        probe.close();
    }
}
