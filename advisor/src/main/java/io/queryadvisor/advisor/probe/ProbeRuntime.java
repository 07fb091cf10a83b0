package io.queryadvisor.advisor.probe;

import java.util.List;
import java.util.function.Predicate;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.config.Settings;

/**
 * The probe as the advisor runs it: made from the settings, the {@link DatabaseProbe} and the
 * {@link BindSamples} (each only when on), the listeners that feed them, and the {@link Probe}
 * that rules get. Closing it stops the probe's thread and closes its connections.
 */
public final class ProbeRuntime implements Probe, AutoCloseable {

    private final DatabaseProbe probe;
    private final BindSamples samples;

    private ProbeRuntime(DatabaseProbe probe, BindSamples samples) {
        this.probe = probe;
        this.samples = samples;
    }

    /** The probe when {@code probe.enabled} (the default; its thread starts with the first request); answers go to {@code sink}. */
    public static ProbeRuntime from(Settings settings, Predicate<CaptureEvent> sink) {
        ProbeConfig config = ProbeConfig.from(settings);
        if (!config.enabled()) {
            return new ProbeRuntime(null, null);
        }
        BindSamples samples = config.bindSamples() ? new BindSamples(config.bindSampleFingerprints()) : null;
        return new ProbeRuntime(new DatabaseProbe(config, sink), samples);
    }

    /** What the consumer must feed: the probe learns data sources, the samples learn values. Before the rules. */
    public List<CaptureListener> listeners() {
        if (probe == null) {
            return List.of();
        }
        return samples == null ? List.of(probe) : List.of(probe, samples);
    }

    @Override
    public boolean enabled() {
        return probe != null;
    }

    @Override
    public boolean submit(ProbeRequest request) {
        return probe != null && probe.submit(request);
    }

    @Override
    public List<BindSample> bindSamples(String fingerprintId) {
        return samples == null ? List.of() : samples.samples(fingerprintId);
    }

    @Override
    public int pending() {
        return probe == null ? 0 : probe.pending();
    }

    @Override
    public ProbeCounters counters() {
        return probe == null ? ProbeCounters.NONE : probe.counters();
    }

    /** Whether the probe failed in itself and switched itself off (see {@link DatabaseProbe#switchedOff}). */
    public boolean switchedOff() {
        return probe != null && probe.switchedOff();
    }

    @Override
    public void close() {
        if (probe != null) {
            probe.close();
        }
    }
}
