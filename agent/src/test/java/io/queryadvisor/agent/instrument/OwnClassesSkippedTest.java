package io.queryadvisor.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * The racing path of the duplicate-class start-up failure, made deterministic: a class of the
 * agent's own never reaches Byte Buddy's transformer (which would wrap it in a class the
 * transformer may itself be loading), whatever thread loads it.
 */
class OwnClassesSkippedTest {

    private final List<String> seen = new ArrayList<>();
    private final OwnClassesSkipped transformer = new OwnClassesSkipped(recording());

    @Test
    void theAgentsShadedLibrariesNeverReachTheTransformer() throws Exception {
        byte[] result = transformer.transform(getClass().getClassLoader(),
                "io/queryadvisor/shaded/bytebuddy/dynamic/ClassFileLocator$Simple", null, null, new byte[0]);

        assertThat(result).isNull();
        assertThat(seen).isEmpty();
    }

    @Test
    void theAgentsOwnClassesNeverReachTheTransformerThroughTheModuleAwareEntryEither() throws Exception {
        transformer.transform(Object.class.getModule(), getClass().getClassLoader(),
                "io/queryadvisor/capture/jdbc/CapturingConnection", null, null, new byte[0]);

        assertThat(seen).isEmpty();
    }

    @Test
    void applicationClassesStillReachTheTransformer() throws Exception {
        transformer.transform(getClass().getClassLoader(), "com/zaxxer/hikari/HikariDataSource", null, null,
                new byte[0]);
        transformer.transform(Object.class.getModule(), getClass().getClassLoader(),
                "io/queryadvisor/samples/shop/Shop", null, null, new byte[0]);

        assertThat(seen).containsExactly("com/zaxxer/hikari/HikariDataSource", "io/queryadvisor/samples/shop/Shop");
    }

    /** A transformer that only records the names it is asked to transform. */
    private ResettableClassFileTransformer recording() {
        return new ResettableClassFileTransformer.AbstractBase() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                                    byte[] classFile) {
                seen.add(name);
                return null;
            }

            @Override
            public java.util.Iterator<net.bytebuddy.agent.builder.AgentBuilder.Transformer> iterator(
                    net.bytebuddy.description.type.TypeDescription type, ClassLoader loader,
                    net.bytebuddy.utility.JavaModule module, Class<?> redefined, ProtectionDomain domain) {
                return java.util.Collections.emptyIterator();
            }

            @Override
            public boolean reset(java.lang.instrument.Instrumentation instrumentation,
                                 ResettableClassFileTransformer transformer,
                                 net.bytebuddy.agent.builder.AgentBuilder.RedefinitionStrategy strategy,
                                 net.bytebuddy.agent.builder.AgentBuilder.RedefinitionStrategy.DiscoveryStrategy discovery,
                                 net.bytebuddy.agent.builder.AgentBuilder.RedefinitionStrategy.BatchAllocator allocator,
                                 net.bytebuddy.agent.builder.AgentBuilder.RedefinitionStrategy.Listener listener) {
                return false;
            }
        };
    }
}
