package io.queryadvisor.capture;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The {@link ConnectionSource} of every data source and driver object seen, found by identity.
 *
 * <p>Keys are weak, so a data source the application drops (an undeployed web application's) is
 * not kept, nor its class loader; the entries of collected keys are expunged when a new source is
 * added. Reads are lock-free and allocate nothing: each thread first checks the source it used last
 * (the usual case: one pool), then looks up with a key object of its own that it reuses
 * ({@link Lookup}). Only the first checkout of a new source writes, and computes its name and
 * schema, with reflection, once.
 */
final class ConnectionSources {

    private final ConcurrentHashMap<Object, WeakKey> bySource = new ConcurrentHashMap<>(); // each key its own value
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final BiConsumer<Object, String> added;

    /** @param added told of each new source and its name, once (the pool sampler watches it); must not throw */
    ConnectionSources(BiConsumer<Object, String> added) {
        this.added = added;
    }

    /** The entry of {@code source}, made on its first call; {@code context} is the calling thread's. */
    ConnectionSource of(Object source, CaptureContext context) {
        Lookup lookup = context.sourceLookup;
        WeakKey last = lookup.last;
        if (last != null && lookup.sources == this && last.get() == source) {
            return last.source;
        }
        WeakKey known = bySource.get(lookup.of(source));
        lookup.clear();
        if (known == null) {
            known = add(source);
        }
        lookup.sources = this;
        lookup.last = known;
        return known.source;
    }

    private WeakKey add(Object source) {
        expungeCollected();
        WeakKey made = new WeakKey(source, new ConnectionSource(SourceNames.nameOf(source), null,
                HikariSettings.schemaOf(source)), collected);
        WeakKey raced = bySource.putIfAbsent(made, made);
        if (raced != null) {
            return raced;
        }
        added.accept(source, made.source.name());
        return made;
    }

    /** Drops the entries of sources collected since; on every add, and from tests. */
    void expungeCollected() {
        Object key;
        while ((key = collected.poll()) != null) {
            bySource.remove(key);
        }
    }

    /** Sources known, once those collected and enqueued so far are forgotten; for tests. */
    int size() {
        expungeCollected();
        return bySource.size();
    }

    /** A stored key, and its entry: weak, equal to another key of the same object by identity. */
    static final class WeakKey extends WeakReference<Object> {

        private final int hash;
        final ConnectionSource source;

        WeakKey(Object dataSource, ConnectionSource source, ReferenceQueue<Object> queue) {
            super(dataSource, queue);
            this.hash = System.identityHashCode(dataSource);
            this.source = source;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (other instanceof Lookup lookup) {
                return refersTo(lookup.source);
            }
            // a collected key equals only itself, so that expunging removes exactly it
            return other instanceof WeakKey key && !refersTo(null) && key.refersTo(get());
        }
    }

    /**
     * A thread's look-up key, reused: strong only for the length of one look-up; and the thread's
     * last source (weakly, like every key).
     */
    static final class Lookup {

        private Object source;
        private int hash;
        private ConnectionSources sources;
        private WeakKey last;

        Lookup of(Object target) {
            source = target;
            hash = System.identityHashCode(target);
            return this;
        }

        void clear() {
            source = null;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WeakKey key && key.get() == source;
        }
    }
}
