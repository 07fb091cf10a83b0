package io.queryadvisor.advisor.capture;

import io.queryadvisor.advisor.pool.PoolSettings;

/**
 * A pool's gauges, read by the capture layer's pool sampler on its own thread (about once a
 * second, from the pool's own read-only getters), never on an application thread.
 *
 * @param pool       the pool's name: the {@code source} its checkouts carry
 * @param total      connections the pool holds, in use or not
 * @param active     connections handed out
 * @param idle       connections waiting in the pool
 * @param waiting    threads waiting for a connection; -1 when the pool does not say
 * @param settings   the pool's configuration as read now
 * @param startNanos {@link System#nanoTime()} when the gauges were read
 */
public record PoolSampled(String pool, int total, int active, int idle, int waiting, PoolSettings settings,
                          long startNanos) implements CaptureEvent {
}
