package io.queryadvisor.advisor.rules.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per label (an endpoint, a call site), for evidence: at most {@code maxLabels} labels are
 * kept, the first ones seen; what later labels count is added up as "others", so the state stays
 * bounded whatever the labels.
 */
public final class CappedCounts {

    private final int maxLabels;
    private final Map<String, long[]> counts = new HashMap<>();
    private long others;

    public CappedCounts(int maxLabels) {
        this.maxLabels = maxLabels;
    }

    public void add(String label, long n) {
        long[] count = counts.get(label);
        if (count != null) {
            count[0] += n;
        } else if (counts.size() < maxLabels) {
            counts.put(label, new long[] {n});
        } else {
            others += n;
        }
    }

    public boolean isEmpty() {
        return counts.isEmpty() && others == 0;
    }

    /** The labels kept, most counted first (then alphabetically, so that output is stable). */
    public List<String> labels() {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    public long count(String label) {
        long[] count = counts.get(label);
        return count == null ? 0 : count[0];
    }

    /** What labels beyond {@code maxLabels} counted. */
    public long others() {
        return others;
    }

    /** {@code GET /orders (12), GET /cart (3), others (2)}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (String label : labels()) {
            parts.add(label + " (" + count(label) + ")");
        }
        if (others > 0) {
            parts.add("others (" + others + ")");
        }
        return String.join(", ", parts);
    }
}
