package io.queryadvisor.capture;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Locale;
import java.util.function.Function;

/**
 * Whether a class was loaded from the application's own code rather than from a library: its code
 * source is a classes directory (a build's output, an exploded application, a WAR's
 * {@code WEB-INF/classes}), Spring Boot's {@code BOOT-INF/classes}, or the main jar the JVM was
 * started with ({@code java -jar app.jar}); a library jar, a jar nested in {@code BOOT-INF/lib} or
 * {@code WEB-INF/lib}, and a class with no code source (the JDK's, generated ones) are not.
 *
 * <p>Package names cannot tell this: the framework's own sample applications live under
 * {@code org.springframework.}. The code source can, and it is read once per class (the caller
 * caches the answer in a {@link ClassValue}).
 */
final class ApplicationCodeSource {

    /** The jar started with {@code java -jar}, or the one holding the main class; {@code null} if none. Read once. */
    private static final Path MAIN_JAR = mainJar(System.getProperty("sun.java.command"), ClassLoader::getSystemResource);

    private ApplicationCodeSource() {
    }

    /** Whether {@code type}'s code source is the application's own; {@code false} when it cannot be read. */
    static boolean isApplication(Class<?> type) {
        if (type.getClassLoader() == null) {
            return false; // the JDK's boot classes
        }
        try {
            ProtectionDomain domain = type.getProtectionDomain();
            CodeSource source = domain == null ? null : domain.getCodeSource();
            URL location = source == null ? null : source.getLocation();
            return location != null && isApplicationLocation(location.toString(), MAIN_JAR);
        } catch (RuntimeException e) {
            // A security manager may refuse the protection domain: no positive answer then.
            return false;
        }
    }

    /**
     * Whether a code source {@code location} (a URL's text) is the application's own, given the jar
     * the JVM was started with ({@code null} if none).
     */
    static boolean isApplicationLocation(String location, Path mainJar) {
        if (location.contains("/BOOT-INF/lib/") || location.contains("/WEB-INF/lib/")
                || location.contains("!BOOT-INF/lib/") || location.contains("!WEB-INF/lib/")) {
            return false;
        }
        if (location.contains("BOOT-INF/classes") || location.contains("WEB-INF/classes")) {
            return true;
        }
        if (!location.startsWith("file:")) {
            return false;
        }
        if (location.endsWith("/")) {
            return true; // a classes directory
        }
        return mainJar != null && location.toLowerCase(Locale.ROOT).endsWith(".jar") && mainJar.equals(path(location));
    }

    /**
     * The application's own jar: the first word of {@code sun.java.command} when it is a jar
     * ({@code java -jar app.jar}), else the jar that holds the main class it names
     * ({@code java -cp app.jar:lib/* com.shop.Main}, as Gradle's and Maven's launch scripts start an
     * application), found through {@code resource}; {@code null} when neither is a jar.
     */
    static Path mainJar(String javaCommand, Function<String, URL> resource) {
        if (javaCommand == null || javaCommand.isBlank()) {
            return null;
        }
        String first = javaCommand.strip().split(" ", 2)[0];
        try {
            if (first.toLowerCase(Locale.ROOT).endsWith(".jar")) {
                return Paths.get(first).toAbsolutePath().normalize();
            }
            URL mainClass = resource.apply(first.replace('.', '/') + ".class");
            String location = mainClass == null ? "" : mainClass.toString();
            int separator = location.indexOf("!/");
            return location.startsWith("jar:file:") && separator > 0 ? path(location.substring(4, separator)) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Path path(String fileUrl) {
        try {
            return Paths.get(URI.create(fileUrl)).toAbsolutePath().normalize();
        } catch (Exception e) {
            return null;
        }
    }
}
