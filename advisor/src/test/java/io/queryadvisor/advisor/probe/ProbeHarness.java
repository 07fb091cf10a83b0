package io.queryadvisor.advisor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.ProbeCompleted;
import io.queryadvisor.advisor.config.Settings;

/**
 * A {@link DatabaseProbe} whose answers land in a queue the test reads: ask, then wait for the
 * answer (the wait is only a guard against a hang; no assertion depends on how long it takes).
 */
final class ProbeHarness implements AutoCloseable {

    static final String SOURCE = "test-pool";
    /** Far beyond any answer: the probe's own timeouts end every request within seconds. */
    private static final long ANSWER_GUARD_SECONDS = 60;

    final BlockingQueue<ProbeCompleted> answers = new LinkedBlockingQueue<>();
    final DatabaseProbe probe;

    ProbeHarness(ProbeConfig config) {
        this.probe = new DatabaseProbe(config, event -> event instanceof ProbeCompleted done && answers.offer(done));
    }

    ProbeHarness() {
        this(ProbeConfig.defaults());
    }

    /** Tells the probe about a data source, as the capture layer's DatabaseIdentified does. */
    ProbeHarness identify(String source, String product, DatabaseConnector connector) {
        probe.onEvent(new DatabaseIdentified(source, product, "test driver", "jdbc:test", System.nanoTime(), connector));
        return this;
    }

    ProbeHarness identify(String product, DatabaseConnector connector) {
        return identify(SOURCE, product, connector);
    }

    /** Submits and waits for the answer to this very request. */
    ProbeResult ask(ProbeRequest request) throws InterruptedException {
        assertThat(probe.submit(request)).as("request accepted").isTrue();
        return next(request);
    }

    /** The next answer, which must be to {@code request}. */
    ProbeResult next(ProbeRequest request) throws InterruptedException {
        ProbeCompleted done = answers.poll(ANSWER_GUARD_SECONDS, TimeUnit.SECONDS);
        assertThat(done).as("an answer within the guard").isNotNull();
        assertThat(done.request()).isSameAs(request);
        return done.result();
    }

    /** Asks and expects an answer of {@code type}; a failure shows what went wrong. */
    <T extends ProbeResult> T answer(ProbeRequest request, Class<T> type) throws InterruptedException {
        ProbeResult result = ask(request);
        assertThat(result).as("answer to %s", request).isInstanceOf(type);
        return type.cast(result);
    }

    ProbeFailure failure(ProbeRequest request) throws InterruptedException {
        return answer(request, ProbeFailure.class);
    }

    /** The probe's configuration from key/value pairs, e.g. {@code "probe.lockTimeout", "1s"}. */
    static ProbeConfig config(String... keysAndValues) {
        return ProbeConfig.from(settings(keysAndValues));
    }

    static Settings settings(String... keysAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Settings.fromStrings(values, "test");
    }

    static ExplainRequest explain(String sql, Object... binds) {
        return new ExplainRequest("test", "key", SOURCE, sql, java.util.Arrays.asList(binds));
    }

    @Override
    public void close() {
        probe.close();
    }
}
