package io.queryadvisor.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DeferredTransformerTest {

    private static final byte[] TRANSFORMED = {42};
    private static final ClassLoader APPLICATION = DeferredTransformerTest.class.getClassLoader();

    private final DeferredTransformer deferred = new DeferredTransformer();
    private final ClassFileTransformer built = new ClassFileTransformer() {
        @Override
        public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                                byte[] classFile) {
            return TRANSFORMED;
        }
    };

    @Test
    void aClassThatMayDeclareAnInstrumentedMethodWaitsForTheTransformerAndGoesThroughIt() throws Exception {
        CompletableFuture<byte[]> loading = CompletableFuture.supplyAsync(
                () -> transformDeclaring("com/shop/ShopDataSource", "getConnection", "()Ljava/sql/Connection;"));
        Thread.sleep(50);
        assertThat(loading).isNotDone();

        deferred.ready(built);

        assertThat(loading.get(10, TimeUnit.SECONDS)).isEqualTo(TRANSFORMED);
    }

    @Test
    void everyOtherClassPassesAtOnceWhileTheTransformerIsBuilt() throws Exception {
        assertThat(transformDeclaring("com/shop/OrderService", "findOrders", "()Ljava/util/List;")).isNull();
        assertThat(transformDeclaring("java/sql/Driver", "connect", "()Ljava/sql/Connection;")).isNull();
        assertThat(transformDeclaring("javax/sql/DataSource", "getConnection", "()Ljava/sql/Connection;")).isNull();
        assertThat(transformDeclaring("io/queryadvisor/capture/Capture", "connect", "()Ljava/sql/Connection;"))
                .isNull();
        assertThat(deferred.transform(null, "com/shop/Boot", null, null,
                ClassFiles.declaring("com/shop/Boot", "connect", "()Ljava/sql/Connection;"))).isNull();
    }

    @Test
    void theBuildingThreadNeverWaitsForItself() {
        deferred.buildingOn(Thread.currentThread());

        assertThat(transformDeclaring("com/shop/ShopDataSource", "getConnection", "()Ljava/sql/Connection;")).isNull();
    }

    @Test
    void aFailedBuildLetsClassesPassUnchanged() {
        deferred.failed();

        assertThat(transformDeclaring("com/shop/ShopDataSource", "getConnection", "()Ljava/sql/Connection;")).isNull();
    }

    @Test
    void onceBuiltCandidatesGoThroughIt() {
        deferred.ready(built);

        assertThat(transformDeclaring("org/postgresql/Driver", "connect", "()Ljava/sql/Connection;"))
                .isEqualTo(TRANSFORMED);
    }

    /** Transforms a class named {@code internalName} that declares the method. */
    private byte[] transformDeclaring(String internalName, String method, String descriptor) {
        try {
            return deferred.transform(APPLICATION, internalName, null, null,
                    ClassFiles.declaring(internalName, method, descriptor));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
