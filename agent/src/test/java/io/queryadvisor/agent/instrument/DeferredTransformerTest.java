package io.queryadvisor.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
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
        CompletableFuture<byte[]> loading = CompletableFuture.supplyAsync(() -> transform("com/shop/ShopDataSource",
                classFileWith("getConnection", "()Ljava/sql/Connection;")));
        Thread.sleep(50);
        assertThat(loading).isNotDone();

        deferred.ready(built);

        assertThat(loading.get(10, TimeUnit.SECONDS)).isEqualTo(TRANSFORMED);
    }

    @Test
    void everyOtherClassPassesAtOnceWhileTheTransformerIsBuilt() throws Exception {
        assertThat(transform("com/shop/OrderService", classFileWith("findOrders", "()Ljava/util/List;"))).isNull();
        assertThat(transform("java/sql/Driver", classFileWith("connect", "()Ljava/sql/Connection;"))).isNull();
        assertThat(transform("javax/sql/DataSource", classFileWith("getConnection", "()Ljava/sql/Connection;"))).isNull();
        assertThat(transform("io/queryadvisor/capture/Capture", classFileWith("connect", "()Ljava/sql/Connection;"))).isNull();
        assertThat(deferred.transform(null, "com/shop/Boot", null, null,
                classFileWith("connect", "()Ljava/sql/Connection;"))).isNull();
    }

    @Test
    void theBuildingThreadNeverWaitsForItself() {
        deferred.buildingOn(Thread.currentThread());

        assertThat(transform("com/shop/ShopDataSource", classFileWith("getConnection", "()Ljava/sql/Connection;"))).isNull();
    }

    @Test
    void aFailedBuildLetsClassesPassUnchanged() {
        deferred.failed();

        assertThat(transform("com/shop/ShopDataSource", classFileWith("getConnection", "()Ljava/sql/Connection;"))).isNull();
    }

    @Test
    void onceBuiltCandidatesGoThroughIt() {
        deferred.ready(built);

        assertThat(transform("org/postgresql/Driver", classFileWith("connect", "()Ljava/sql/Connection;"))).isEqualTo(TRANSFORMED);
    }

    private byte[] transform(String internalName, byte[] classFile) {
        try {
            return deferred.transform(APPLICATION, internalName, null, null, classFile);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Bytes holding the constant pool entries (CONSTANT_Utf8) of a method's name and descriptor. */
    private static byte[] classFileWith(String method, String descriptor) {
        byte[] name = utf8(method);
        byte[] types = utf8(descriptor);
        byte[] classFile = new byte[2 + name.length + types.length + 2];
        System.arraycopy(name, 0, classFile, 2, name.length);
        System.arraycopy(types, 0, classFile, 2 + name.length, types.length);
        return classFile;
    }

    private static byte[] utf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] entry = new byte[bytes.length + 3];
        entry[0] = 1;
        entry[2] = (byte) bytes.length;
        System.arraycopy(bytes, 0, entry, 3, bytes.length);
        return entry;
    }
}
