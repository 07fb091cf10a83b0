package io.queryadvisor.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/** A transformer that only records the internal names it is asked to transform: what reached Byte Buddy. */
final class RecordingTransformer extends ResettableClassFileTransformer.AbstractBase {

    final List<String> seen = new ArrayList<>();

    @Override
    public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) {
        seen.add(name);
        return null;
    }

    @Override
    public Iterator<AgentBuilder.Transformer> iterator(TypeDescription type, ClassLoader loader, JavaModule module,
                                                       Class<?> redefined, ProtectionDomain domain) {
        return Collections.emptyIterator();
    }

    @Override
    public boolean reset(Instrumentation instrumentation, ResettableClassFileTransformer transformer,
                         AgentBuilder.RedefinitionStrategy strategy,
                         AgentBuilder.RedefinitionStrategy.DiscoveryStrategy discovery,
                         AgentBuilder.RedefinitionStrategy.BatchAllocator allocator,
                         AgentBuilder.RedefinitionStrategy.Listener listener) {
        return false;
    }
}
