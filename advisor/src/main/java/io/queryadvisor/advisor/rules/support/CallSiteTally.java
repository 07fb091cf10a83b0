package io.queryadvisor.advisor.rules.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.stats.CallSiteCount;

/**
 * The call sites of the executions a finding is about (not of every execution of its fingerprint),
 * bounded: at most {@code maxSites} are kept, the first seen, the rest counted as others; executions
 * whose call site was not sampled are counted apart.
 */
public final class CallSiteTally {

    private final int maxSites;
    private final CappedCounts counts;
    private final Map<String, CallSite> frames = new HashMap<>();
    private long notSampled;

    public CallSiteTally(int maxSites) {
        this.maxSites = maxSites;
        this.counts = new CappedCounts(maxSites);
    }

    /** {@code executions} from {@code site}, or whose call site was not sampled when it is {@code null}. */
    public void add(CallSite site, long executions) {
        if (site == null) {
            notSampled += executions;
            return;
        }
        String label = site.toString();
        counts.add(label, executions);
        if (frames.size() < maxSites) {
            frames.putIfAbsent(label, site);
        }
    }

    /** The call sites, most executions first, then the others; empty when none was sampled. */
    public List<CallSiteCount> callSites() {
        List<CallSiteCount> sites = new ArrayList<>();
        counts.labels().forEach(label -> sites.add(CallSiteCount.of(frames.get(label), counts.count(label))));
        if (counts.others() > 0) {
            sites.add(CallSiteCount.others(counts.others()));
        }
        return sites;
    }

    /** Executions whose call site was not sampled. */
    public long notSampled() {
        return notSampled;
    }

    /**
     * The call sites for evidence: {@code A.b(A.java:1), C.d(C.java:2) (and 3 executions not sampled)},
     * or {@code none} when no call site was sampled.
     */
    public String describe(String none) {
        List<CallSiteCount> sites = callSites();
        if (sites.isEmpty()) {
            return none;
        }
        String listed = String.join(", ", sites.stream().map(CallSiteCount::callSite).toList());
        return notSampled == 0 ? listed : listed + " (and " + notSampled + " executions not sampled)";
    }
}
