package io.queryadvisor.agent.instrument;

import java.nio.charset.StandardCharsets;

/**
 * Which classes the instrumentation may ever change, decided from a class's internal name and the
 * bytes of its class file alone, in plain JDK code: no class of Byte Buddy's (nor any other) is
 * loaded to decide. The transformer registered at premain ({@link DeferredTransformer}) and the
 * decorators of Byte Buddy's own transformer ({@link OwnClassesSkipped}, {@link CandidateClassesOnly})
 * all ask here.
 *
 * <p>A method's name is a {@code CONSTANT_Utf8} entry of its class's constant pool (tag 1, a
 * two-byte length, the bytes), and so is its descriptor, where its parameter and return types are
 * spelt out: a class file without the name, or without {@code java/sql/Connection;} (for the JDBC
 * methods) or {@code servlet/} (for {@code service}) anywhere, cannot declare it. One pass over the
 * bytes tells, without allocating. Advice only ever changes methods the class itself declares, so
 * nothing is lost: a {@code DataSource} subclass that inherits its {@code getConnection} is
 * instrumented in the superclass. Of the 29,636 classes in the Spring shop sample's jar, 255 (0.9%)
 * hold one of the names and 138 (0.5%) one with its type.
 */
final class ClassFileFilter {

    /** Internal-name prefixes of the classes the agent jar carries, shaded libraries included. */
    private static final String[] OWN_PREFIXES = {"io/queryadvisor/agent/", "io/queryadvisor/capture/",
        "io/queryadvisor/advisor/", "io/queryadvisor/dashboard/", "io/queryadvisor/shaded/"};

    // The JDK's own (javax.sql, not javax: servlet APIs live there). Never instrumented, and never
    // waited for at premain: the thread building the instrumentation loads some of them
    // (java.sql.Driver for the advice), and a class loaded by two threads at once would have each wait
    // for the other.
    private static final String[] JDK_PREFIXES = {"java/", "javax/sql/", "jdk/", "sun/", "com/sun/"};

    private static final byte[][] JDBC_METHOD_NAMES = {utf8("getConnection"), utf8("connect")};
    private static final byte[] SERVICE = utf8("service");
    private static final byte[] CONNECTION_TYPE = utf8("java/sql/Connection;");
    private static final byte[] SERVLET_PACKAGE = utf8("servlet/");

    private ClassFileFilter() {
    }

    /** Whether {@code internalName} is one of the agent's own classes (shaded libraries included). */
    static boolean isOwn(String internalName) {
        if (internalName == null) {
            return false;
        }
        for (String prefix : OWN_PREFIXES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code internalName} is one of the JDK's classes. */
    static boolean isJdk(String internalName) {
        for (String prefix : JDK_PREFIXES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
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
