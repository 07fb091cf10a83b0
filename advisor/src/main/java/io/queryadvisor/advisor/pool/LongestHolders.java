package io.queryadvisor.advisor.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The {@code max} longest checkouts that ended, kept in a min-heap. Consumer thread only. */
final class LongestHolders {

    private static final Comparator<Holder> BY_HELD = Comparator.comparingDouble(Holder::heldMillis);

    private final int max;
    private final PriorityQueue<Holder> heap = new PriorityQueue<>(BY_HELD);

    LongestHolders(int max) {
        this.max = max;
    }

    void offer(Holder holder) {
        if (heap.size() < max) {
            heap.add(holder);
        } else if (heap.peek().heldMillis() < holder.heldMillis()) {
            heap.poll();
            heap.add(holder);
        }
    }

    /** The ended ones and {@code open}, longest first, {@code max} at most. */
    List<Holder> with(List<Holder> open) {
        List<Holder> all = new ArrayList<>(heap);
        all.addAll(open);
        all.sort(BY_HELD.reversed());
        return all.size() > max ? List.copyOf(all.subList(0, max)) : all;
    }
}
