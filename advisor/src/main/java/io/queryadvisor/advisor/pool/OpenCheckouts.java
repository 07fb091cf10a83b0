package io.queryadvisor.advisor.pool;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ConnectionAcquired;
import io.queryadvisor.advisor.capture.ConnectionReleased;

/**
 * The connections out now, by connection id, from the acquire and release events: what every
 * consumer of checkouts (pool usage, the leak and long-held rules) needs to join a release with its
 * acquisition. Bounded: beyond {@code max} the oldest is forgotten and counted (a leak of that many
 * connections has been reported long before). Consumer thread only.
 */
public final class OpenCheckouts {

    private final int max;
    private final LinkedHashMap<Long, Checkout> open;
    private long forgotten;

    public OpenCheckouts(int max) {
        this.max = max;
        this.open = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Checkout> eldest) {
                if (size() > OpenCheckouts.this.max) {
                    forgotten++;
                    return true;
                }
                return false;
            }
        };
    }

    /**
     * Follows {@code event}: returns the checkout a {@link ConnectionReleased} ends (or {@code null}
     * when its acquisition was not seen), and {@code null} for every other event.
     */
    public Checkout onEvent(CaptureEvent event) {
        if (event instanceof ConnectionAcquired e) {
            open.put(e.connectionId(), Checkout.of(e));
        } else if (event instanceof ConnectionReleased e) {
            return open.remove(e.connectionId());
        }
        return null;
    }

    /** The checkout of {@code connectionId} if it is out. */
    public Checkout get(long connectionId) {
        return open.get(connectionId);
    }

    /** Those out now, oldest first; a view. */
    public Collection<Checkout> all() {
        return Collections.unmodifiableCollection(open.values());
    }

    public int size() {
        return open.size();
    }

    /** Checkouts forgotten to stay within the bound. */
    public long forgotten() {
        return forgotten;
    }
}
