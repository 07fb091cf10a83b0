package io.queryadvisor.agent.instrument;

/**
 * Which classes the instrumentation may ever change, decided from a class's internal name and the
 * bytes of its class file alone, in plain JDK code: no class of Byte Buddy's (nor any other) is
 * loaded to decide. The transformer registered at premain ({@link DeferredTransformer}) and the
 * one that applies the advice ({@link AdviceTransformer}, also registered alone on a late attach)
 * both ask here.
 *
 * <p>A class is a candidate only when its class file declares, with a body, a method the agent
 * instruments ({@link DeclaredMethodScan} reads that from the bytes, without allocating). Advice
 * only ever changes methods the class itself declares, so nothing is lost: a {@code DataSource}
 * subclass that inherits its {@code getConnection} is instrumented in the superclass. Of the 29,636
 * classes in the Spring shop sample's jar, 47 (0.16%) are candidates; the test this replaced (the
 * names and types anywhere in the constant pool, as a class that only calls them holds them too)
 * let 138 through, and took 3.5 times as long over the whole jar (31 against 107-127 ms).
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

    /** Whether {@code classFile} may declare one of the instrumented methods (see {@link DeclaredMethodScan}). */
    static boolean mayDeclareInstrumentedMethod(byte[] classFile) {
        return classFile == null // nothing to read: let Byte Buddy decide
                || DeclaredMethodScan.declaresInstrumentedMethod(classFile);
    }

}
