package io.queryadvisor.agent.instrument;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Returns at once, before Byte Buddy parses the class or resolves a single super type, for every
 * class file that cannot declare a method the agent instruments ({@link ClassFileFilter}): where
 * each used to have its whole type hierarchy resolved; the OpenTelemetry agent's
 * ignore-before-matching, made cheaper still. The bootstrap loader's classes (the JDK's) end here
 * too: the advice could not see the agent's classes from there.
 */
final class CandidateClassesOnly extends ResettableClassFileTransformer.WithDelegation {

    static final AgentBuilder.TransformerDecorator DECORATOR = CandidateClassesOnly::new;

    CandidateClassesOnly(ResettableClassFileTransformer delegate) {
        super(delegate);
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) throws IllegalClassFormatException {
        return loader == null || !ClassFileFilter.mayDeclareInstrumentedMethod(classFile) ? null
                : classFileTransformer.transform(loader, internalName, redefined, domain, classFile);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> redefined,
                            ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
        return loader == null || !ClassFileFilter.mayDeclareInstrumentedMethod(classFile) ? null
                : classFileTransformer.transform(module, loader, internalName, redefined, domain, classFile);
    }
}
