package io.queryadvisor.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.queryadvisor.agent.AgentLog;

/**
 * The transformer registered at {@code premain}, before Byte Buddy is even loaded: it turns away,
 * with plain JDK code, every class that cannot be instrumented (the JDK's, the agent's own, and
 * every class file without the name of a method we instrument: 99% of an application's), and hands
 * the rest to the {@link AdviceTransformer}, which a thread of the agent's builds meanwhile.
 *
 * <p>Why: loading Byte Buddy and building its transformer takes a few hundred milliseconds of
 * class loading; done on {@code premain}'s thread it delayed the application's start by that much.
 * Built beside it, it is nearly always ready before the application loads its first pool or
 * driver. A candidate class that comes earlier waits for it (bounded), so no class is missed.
 */
final class DeferredTransformer implements ClassFileTransformer {

    /** A build that takes longer than this is broken (a hung thread): classes pass uninstrumented. */
    private static final long READY_WAIT_SECONDS = 60;

    /** A class file's header with an empty constant pool: read to its end, it declares nothing. */
    static final byte[] EMPTY_CLASS_FILE = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 52, 0, 1};

    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile ClassFileTransformer delegate;
    private volatile Thread builder;

    DeferredTransformer() {
        // Load and link what transform() runs before the transformer is registered: a class it
        // needed for the first time would be loaded from inside a transformation. The class file
        // must be a well-formed one that is no candidate: bytes the filter cannot read are left to
        // Byte Buddy, and this thread would wait for a transformer nobody has started building.
        if (ClassFileFilter.isJdk("warm/Up") || ClassFileFilter.isOwn("warm/Up")
                || ClassFileFilter.mayDeclareInstrumentedMethod(EMPTY_CLASS_FILE)) {
            throw new AssertionError("the warm-up class file is taken for a candidate");
        }
    }

    /** {@code thread} builds the delegate: it never waits for itself. */
    void buildingOn(Thread thread) {
        builder = thread;
    }

    /** The built transformer, which filters the classes it is given itself; classes from now on go to it. */
    void ready(ClassFileTransformer built) {
        delegate = built;
        settled.countDown();
    }

    /** The build failed (said by the caller): classes pass through unchanged from now on. */
    void failed() {
        settled.countDown();
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) throws IllegalClassFormatException {
        ClassFileTransformer target = candidate(loader, internalName, classFile);
        return target == null ? null : target.transform(loader, internalName, redefined, domain, classFile);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> redefined,
                            ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
        ClassFileTransformer target = candidate(loader, internalName, classFile);
        return target == null ? null : target.transform(module, loader, internalName, redefined, domain, classFile);
    }

    /**
     * The advice transformer once it is built: it turns away what it need not see itself, so no class
     * is scanned twice. Before that, the advice transformer if {@code classFile} may need it (waiting
     * for it), else null.
     */
    private ClassFileTransformer candidate(ClassLoader loader, String internalName, byte[] classFile) {
        ClassFileTransformer ready = delegate;
        if (ready != null) {
            return ready;
        }
        if (loader == null || internalName == null || ClassFileFilter.isJdk(internalName)
                || ClassFileFilter.isOwn(internalName) || !ClassFileFilter.mayDeclareInstrumentedMethod(classFile)
                || Thread.currentThread() == builder) {
            return null;
        }
        try {
            if (!settled.await(READY_WAIT_SECONDS, TimeUnit.SECONDS)) {
                AgentLog.warnOnce("instrument-wait", "the instrumentation was not ready after " + READY_WAIT_SECONDS
                        + " s; classes loaded meanwhile run uninstrumented", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the application's interrupt stays the application's
        }
        return delegate;
    }
}
