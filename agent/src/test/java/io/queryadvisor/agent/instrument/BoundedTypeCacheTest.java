package io.queryadvisor.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/** The type cache Byte Buddy matches with: bounded per class loader, and never what keeps a loader alive. */
class BoundedTypeCacheTest {

    private final BoundedTypeCache cache = new BoundedTypeCache();

    @Test
    void aLoaderWhoseTypesWereDescribedIsCollectedOnceTheApplicationDropsIt() throws Exception {
        WeakReference<ClassLoader> dropped = describeInAnOwnLoader();

        // The collector clears the key, then the JDK's reference handler queues it for the map to
        // expunge: no latch to wait on, so poll (bounded; the assertions are about the outcome).
        for (int attempt = 0; attempt < 200 && (dropped.get() != null || cache.loaders() > 0); attempt++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(dropped.get()).as("collected while its types are cached").isNull();
        assertThat(cache.loaders()).isZero();
    }

    @Test
    void eachLoaderKeepsAtMostABoundedNumberOfTypes() {
        TypePool.CacheProvider types = cache.locate(getClass().getClassLoader());
        for (int i = 0; i < 2 * BoundedTypeCache.TYPES_PER_LOADER; i++) {
            types.register("com.shop.Type" + i, new TypePool.Resolution.Simple(TypeDescription.ForLoadedType.of(Object.class)));
        }

        assertThat(((BoundedTypeCache.Lru) types).size()).isEqualTo(BoundedTypeCache.TYPES_PER_LOADER);
        assertThat(types.find("com.shop.Type0")).isNull();
        assertThat(types.find("com.shop.Type" + (2 * BoundedTypeCache.TYPES_PER_LOADER - 1))).isNotNull();
    }

    /** An application loader of its own, one of whose classes Byte Buddy describes, super types included, through the cache. */
    private WeakReference<ClassLoader> describeInAnOwnLoader() throws Exception {
        URL classes = BoundedTypeCacheTest.class.getProtectionDomain().getCodeSource().getLocation();
        URLClassLoader loader = new URLClassLoader(new URL[] {classes}, null);
        TypePool pool = cache.typePool(ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader), loader,
                "com.shop.BeingTransformed");
        TypeDescription type = pool.describe(ChildFirstLoader.class.getName()).resolve();
        assertThat(type.getSuperClass().asErasure().getName()).isEqualTo("java.net.URLClassLoader");
        assertThat(cache.loaders()).isEqualTo(1);
        WeakReference<ClassLoader> reference = new WeakReference<>(loader);
        loader.close();
        return reference;
    }
}
