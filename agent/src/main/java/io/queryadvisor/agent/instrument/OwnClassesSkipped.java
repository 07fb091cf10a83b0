package io.queryadvisor.agent.instrument;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Returns at once, before Byte Buddy sees the class, for the agent's own classes (shaded
 * libraries included).
 *
 * <p>Why not {@code AgentBuilder.ignore}: Byte Buddy evaluates its ignore matcher only after it has
 * wrapped the class file in its own {@code ClassFileLocator.Simple}. When the class being loaded
 * is one the transformer itself needs (the shaded {@code ClassFileLocator$Simple}, first loaded by
 * the wrapper generation thread), the transformer loads it again from inside its own definition,
 * and the outer definition then fails with "duplicate class definition": capture was off on about
 * 2% of starts. Deciding by the internal name needs no class at all.
 */
final class OwnClassesSkipped extends ResettableClassFileTransformer.WithDelegation {

    static final AgentBuilder.TransformerDecorator DECORATOR = OwnClassesSkipped::new;

    OwnClassesSkipped(ResettableClassFileTransformer delegate) {
        super(delegate);
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) throws IllegalClassFormatException {
        return ClassFileFilter.isOwn(internalName) ? null
                : classFileTransformer.transform(loader, internalName, redefined, domain, classFile);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> redefined,
                            ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
        return ClassFileFilter.isOwn(internalName) ? null
                : classFileTransformer.transform(module, loader, internalName, redefined, domain, classFile);
    }
}
