package io.queryadvisor.agent.instrument;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import net.bytebuddy.matcher.ElementMatcher;

/**
 * Instruments only classes whose class loader can see the agent's classes: advice inlined
 * elsewhere (a JDK class, an isolated plugin loader) would fail at every call. Such loaders are
 * skipped, which leaves their connections uncaptured but the application untouched.
 */
final class AgentClassVisibility implements ElementMatcher<ClassLoader> {

    private final Map<ClassLoader, Boolean> verdicts = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public boolean matches(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        // Not computeIfAbsent: it would load a class through the loader while holding the map's
        // lock, and a thread holding that loader's lock, waiting for ours, would deadlock with it.
        Boolean known = verdicts.get(loader);
        if (known == null) {
            known = seesAgent(loader);
            verdicts.putIfAbsent(loader, known);
        }
        return known;
    }

    private static boolean seesAgent(ClassLoader loader) {
        try {
            return Class.forName(ConnectionWrapping.class.getName(), false, loader) == ConnectionWrapping.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
