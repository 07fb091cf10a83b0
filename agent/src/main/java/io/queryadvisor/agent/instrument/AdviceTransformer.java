package io.queryadvisor.agent.instrument;

import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;

import io.queryadvisor.agent.AgentLog;

/**
 * Inlines the agent's advice into the classes that need it, with Byte Buddy's type pool and
 * advice but without its {@code AgentBuilder}: a class file that may declare an instrumented
 * method ({@link ClassFileFilter}) is described from its own bytes, super types read through its
 * loader and cached per loader ({@link BoundedTypeCache}); each {@link TypeTransformation} that
 * matches adds its advice, and Byte Buddy rewrites the class in place ({@code decorate}: no
 * method, field or class added, so that a loaded class may be retransformed too).
 *
 * <p>Why not {@code AgentBuilder}: to build its transformer on a JDK 9 or later, it generates and
 * loads a subclass of it at run time, which takes Byte Buddy's whole class-creation machinery;
 * with its own classes that came to about 350 of the 1,090 classes of Byte Buddy's the agent
 * loaded in the Spring shop's start, for features (listeners, discovery, resubmission, lambda
 * instrumentation) the agent does not use.
 *
 * <p>Never throws: a class that cannot be instrumented is said once and left as it is. A class
 * loaded while another is being described (its super types' class files are read through
 * its loader, which may load classes of its own to find them) passes unchanged, as Byte Buddy's
 * circularity lock lets it.
 */
final class AdviceTransformer implements ClassFileTransformer {

    private final ByteBuddy byteBuddy = new ByteBuddy().with(Implementation.Context.Disabled.Factory.INSTANCE);
    private final List<TypeTransformation> transformations;
    private final BoundedTypeCache types = new BoundedTypeCache();
    private final AgentClassVisibility visible = new AgentClassVisibility();
    private final ThreadLocal<Boolean> describing = new ThreadLocal<>();

    AdviceTransformer(List<TypeTransformation> transformations) {
        this.transformations = List.copyOf(transformations);
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) {
        if (loader == null || internalName == null || ClassFileFilter.isJdk(internalName)
                || ClassFileFilter.isOwn(internalName) || !ClassFileFilter.mayDeclareInstrumentedMethod(classFile)
                || describing.get() != null) {
            return null;
        }
        describing.set(Boolean.TRUE);
        String typeName = internalName.replace('/', '.');
        try {
            return visible.matches(loader) ? instrument(typeName, classFile, loader) : null;
        } catch (Throwable t) {
            AgentLog.warnOnce("instrument:" + typeName, "could not instrument " + typeName
                    + "; it runs uninstrumented", t);
            return null;
        } finally {
            describing.remove();
        }
    }

    /**
     * Instruments a data source's class file of the agent's own and throws the result away: the
     * classes rewriting takes are then loaded, here, on the thread that builds the instrumentation.
     * Whatever goes wrong only means they load later, with the first class instrumented.
     */
    void warmUp() {
        ClassLoader agentLoader = AdviceTransformer.class.getClassLoader();
        String typeName = WarmUpDataSource.class.getName();
        try (InputStream in = agentLoader.getResourceAsStream(typeName.replace('.', '/') + ".class")) {
            if (in != null) {
                instrument(typeName, in.readAllBytes(), agentLoader);
            }
        } catch (Throwable t) {
            // nothing to say: were Byte Buddy unable to rewrite classes here, the first real one says so
        }
    }

    /** {@code classFile} rewritten with every matching transformation's advice, or null when none matches. */
    private byte[] instrument(String typeName, byte[] classFile, ClassLoader loader) {
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(typeName, classFile),
                ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader));
        TypePool pool = types.typePool(locator, loader, typeName);
        TypeDescription type = pool.describe(typeName).resolve();
        DynamicType.Builder<?> builder = transform(type, locator, loader);
        return builder == null ? null : builder.make(TypeResolutionStrategy.Disabled.INSTANCE, pool).getBytes();
    }

    /**
     * Whether a class already loaded is one to instrument: asked of each loaded class on a late
     * attach. A class that cannot even be described (a method's parameter type missing from the
     * class path) is none of ours.
     */
    boolean instruments(Class<?> loaded) {
        String internalName = loaded.getName().replace('.', '/');
        if (loaded.getClassLoader() == null || loaded.isArray() || loaded.isPrimitive()
                || ClassFileFilter.isJdk(internalName) || ClassFileFilter.isOwn(internalName)
                || !visible.matches(loaded.getClassLoader())) {
            return false;
        }
        try {
            return matchesAny(TypeDescription.ForLoadedType.of(loaded));
        } catch (Throwable t) {
            return false;
        }
    }

    private DynamicType.Builder<?> transform(TypeDescription type, ClassFileLocator locator, ClassLoader loader) {
        if (type.isInterface() || type.isSynthetic()) {
            return null;
        }
        DynamicType.Builder<?> builder = null;
        for (TypeTransformation transformation : transformations) {
            if (transformation.matches(type)) {
                builder = transformation.transform(builder == null ? byteBuddy.decorate(type, locator) : builder,
                        type, loader);
            }
        }
        return builder;
    }

    private boolean matchesAny(TypeDescription type) {
        if (type.isInterface() || type.isSynthetic()) {
            return false;
        }
        for (TypeTransformation transformation : transformations) {
            if (transformation.matches(type)) {
                return true;
            }
        }
        return false;
    }
}
