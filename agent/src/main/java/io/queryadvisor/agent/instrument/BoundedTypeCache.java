package io.queryadvisor.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.is;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Byte Buddy's type descriptions, cached per class loader while matching (the super types many
 * classes share: {@code Object}, {@code Serializable}...), weakly keyed by the loader and bounded
 * per loader, as the OpenTelemetry agent keeps its type cache: an undeployed application's loader
 * is not kept alive by us, and a loader with many classes costs at most {@value #TYPES_PER_LOADER}
 * descriptions. Used with {@link ClassFileLocator.ForClassLoader.WeaklyReferenced}, so that a
 * cached description (which reads its class file lazily through its loader) holds the loader
 * weakly too.
 */
final class BoundedTypeCache {

    static final int TYPES_PER_LOADER = 512;

    private final Map<ClassLoader, TypePool.CacheProvider> byLoader = Collections.synchronizedMap(new WeakHashMap<>());

    /** {@code loader}'s cached descriptions. */
    TypePool.CacheProvider locate(ClassLoader loader) {
        return byLoader.computeIfAbsent(loader, any -> new Lru());
    }

    /**
     * A type pool reading through {@code locator}, with {@code loader}'s cache, for transforming
     * {@code typeName}: its own description, read from the bytes being transformed, is kept apart
     * from the loader's cache.
     */
    TypePool typePool(ClassFileLocator locator, ClassLoader loader, String typeName) {
        TypePool.CacheProvider own = new TypePool.CacheProvider.Discriminating(is(typeName),
                new TypePool.CacheProvider.Simple(), locate(loader));
        return new TypePool.Default.WithLazyResolution(own, locator, TypePool.Default.ReaderMode.FAST);
    }

    /** Loaders with a cache at the moment (those not yet collected). */
    int loaders() {
        return byLoader.size();
    }

    /** One loader's descriptions, least recently used dropped first; matching runs on any thread that loads a class. */
    static final class Lru implements TypePool.CacheProvider {

        private final Map<String, TypePool.Resolution> resolutions = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TypePool.Resolution> eldest) {
                return size() > TYPES_PER_LOADER;
            }
        };

        @Override
        public synchronized TypePool.Resolution find(String name) {
            return resolutions.get(name);
        }

        @Override
        public synchronized TypePool.Resolution register(String name, TypePool.Resolution resolution) {
            TypePool.Resolution cached = resolutions.putIfAbsent(name, resolution);
            return cached == null ? resolution : cached;
        }

        @Override
        public synchronized void clear() {
            resolutions.clear();
        }

        synchronized int size() {
            return resolutions.size();
        }
    }
}
