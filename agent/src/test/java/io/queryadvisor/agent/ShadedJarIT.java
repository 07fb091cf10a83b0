package io.queryadvisor.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The agent jar as built (failsafe runs this after {@code package}): nothing in it may meet the
 * application's own classes under their original names, so every class is ours or relocated under
 * {@code io/queryadvisor/shaded}, the multi-release ones under {@code META-INF/versions/N/} too.
 */
class ShadedJarIT {

    private static final List<String> OUR_PACKAGES = List.of("io/queryadvisor/agent/", "io/queryadvisor/advisor/",
            "io/queryadvisor/dashboard/", "io/queryadvisor/capture/", "io/queryadvisor/shaded/");
    private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/(\\d+)/(.+)");

    private static Path agentJar() {
        String configured = System.getProperty("queryadvisor.agentJar");
        assertThat(configured).as("system property queryadvisor.agentJar (set by the agent's failsafe configuration)")
                .isNotBlank();
        Path jar = Path.of(configured);
        assertThat(Files.isRegularFile(jar)).as("the agent jar %s exists: run this after package", jar).isTrue();
        return jar;
    }

    @Test
    void holdsNoClassOutsideOurPackagesOrTheShadedPrefix() throws IOException {
        List<String> strays = new ArrayList<>();
        try (JarFile jar = new JarFile(agentJar().toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                if (name.endsWith(".class") && OUR_PACKAGES.stream().noneMatch(classPath(name)::startsWith)) {
                    strays.add(name);
                }
            }
        }
        assertThat(strays).as("classes outside %s", OUR_PACKAGES).isEmpty();
    }

    @Test
    void keepsTheMultiReleaseClassesOfItsLibrariesEachWhereItsNameSays() throws IOException {
        List<String> misplaced = new ArrayList<>();
        int versioned = 0;
        try (JarFile jar = new JarFile(agentJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
            for (JarEntry entry : jar.stream().toList()) {
                Matcher m = VERSIONED.matcher(entry.getName());
                if (!m.matches() || !m.group(2).endsWith(".class")) {
                    continue;
                }
                versioned++;
                String internalName = m.group(2).substring(0, m.group(2).length() - ".class".length());
                try (InputStream in = jar.getInputStream(entry)) {
                    if (!holdsConstant(in.readAllBytes(), internalName)) {
                        misplaced.add(entry.getName());
                    }
                }
            }
        }
        assertThat(versioned).as("Byte Buddy's and Jackson's multi-release classes are carried").isPositive();
        assertThat(misplaced).as("versioned classes whose path is not their name").isEmpty();
    }

    /**
     * Whether {@code classFile}'s constant pool holds {@code name} as a whole UTF-8 constant (its
     * two-byte length, then its bytes: ASCII, so modified UTF-8 alike), as it holds the class's
     * own name; a longer name that merely ends with it does not count.
     */
    private static boolean holdsConstant(byte[] classFile, String name) {
        String bytes = new String(classFile, StandardCharsets.ISO_8859_1);
        String constant = "" + (char) (name.length() >> 8) + (char) (name.length() & 0xFF) + name;
        return bytes.contains(constant);
    }

    /** The class's path as the class loader looks it up: without a {@code META-INF/versions/N/} prefix. */
    private static String classPath(String entryName) {
        Matcher m = VERSIONED.matcher(entryName);
        return m.matches() ? m.group(2) : entryName;
    }
}
