package io.queryadvisor.advisor.rules.support;

import java.util.ArrayList;
import java.util.List;

import io.queryadvisor.advisor.probe.BindSample;
import io.queryadvisor.advisor.probe.Probe;
import io.queryadvisor.advisor.probe.ProbeCounters;
import io.queryadvisor.advisor.probe.ProbeRequest;
import io.queryadvisor.advisor.probe.SchemaFactsRequest;

/** A probe that records what it is asked and answers nothing by itself. */
final class RecordingProbe implements Probe {

    final List<SchemaFactsRequest> requests = new ArrayList<>();

    SchemaFactsRequest last() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public boolean submit(ProbeRequest request) {
        requests.add((SchemaFactsRequest) request);
        return true;
    }

    @Override
    public List<BindSample> bindSamples(String fingerprintId) {
        return Probe.disabled().bindSamples(fingerprintId);
    }

    @Override
    public ProbeCounters counters() {
        return Probe.disabled().counters();
    }
}
