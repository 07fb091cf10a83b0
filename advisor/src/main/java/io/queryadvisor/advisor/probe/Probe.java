package io.queryadvisor.advisor.probe;

import java.util.List;

/**
 * The database probe as a rule sees it (it gets one from its {@code RuleSettings}): ask a question
 * with {@link #submit}, receive the answer later as a {@code ProbeCompleted} event in
 * {@code onEvent}, on the consumer thread like everything else. Values to explain a statement with
 * come from {@link #bindSamples}.
 *
 * <pre>{@code
 * for (BindSample s : probe.bindSamples(fingerprintId)) {
 *     probe.submit(ExplainRequest.of(id(), fingerprintId, s));
 * }
 * ...
 * if (event instanceof ProbeCompleted done && done.request().requester().equals(id())) { ... }
 * }</pre>
 */
public interface Probe {

    /** Whether the probe runs; when not, {@link #submit} refuses everything and there are no samples. */
    boolean enabled();

    /** Queues a request; false when it was dropped (probe off or queue full). Never blocks. */
    boolean submit(ProbeRequest request);

    /** The sampled bind values of a fingerprint, oldest first; consumer thread only. */
    List<BindSample> bindSamples(String fingerprintId);

    /** What the probe did so far. */
    ProbeCounters counters();

    /** Requests accepted whose answer has not yet reached the advisor; 0 for a probe that is off. Any thread. */
    default int pending() {
        return 0;
    }

    /** A probe that is off: for rules built outside an advisor, and when {@code probe.enabled=false}. */
    static Probe disabled() {
        return Disabled.INSTANCE;
    }

    /** The probe that is off. */
    enum Disabled implements Probe {
        INSTANCE;

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public boolean submit(ProbeRequest request) {
            return false;
        }

        @Override
        public List<BindSample> bindSamples(String fingerprintId) {
            return List.of();
        }

        @Override
        public ProbeCounters counters() {
            return ProbeCounters.NONE;
        }
    }
}
