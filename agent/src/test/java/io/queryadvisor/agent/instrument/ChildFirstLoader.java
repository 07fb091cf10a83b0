package io.queryadvisor.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.function.Predicate;

/**
 * An application's class loader in tests, as a server's web-application loader is: the classes it
 * is told to own it defines itself, from the bytes its parent would load (so they link against
 * what this loader sees); everything else comes from its URLs or parent, parent first.
 */
public final class ChildFirstLoader extends URLClassLoader {

    private final Predicate<String> ownClasses;

    /** @param ownClasses which class names this loader defines itself */
    public ChildFirstLoader(URL[] urls, ClassLoader parent, Predicate<String> ownClasses) {
        super(urls, parent);
        this.ownClasses = ownClasses;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!ownClasses.test(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = bytesOf(name);
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            return loaded;
        }
    }

    private byte[] bytesOf(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
