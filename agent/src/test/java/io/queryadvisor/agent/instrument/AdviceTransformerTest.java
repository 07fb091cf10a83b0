package io.queryadvisor.agent.instrument;

import static io.queryadvisor.agent.instrument.ClassFileFilterTest.classFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

/**
 * Which class files Byte Buddy ever describes, and what comes back: only candidates of an
 * application's loader are described; a transformation applies where it matches; nothing a
 * transformation does wrong reaches the class loading.
 */
class AdviceTransformerTest {

    private static final ClassLoader APPLICATION = AdviceTransformerTest.class.getClassLoader();

    private final Recording recording = new Recording(false);
    private final AdviceTransformer transformer = new AdviceTransformer(List.of(recording));

    @Test
    void aCandidateIsDescribedFromItsClassFile() {
        transformer.transform(APPLICATION, "com/zaxxer/hikari/HikariDataSource", null, null,
                classFile(HikariDataSource.class));

        assertThat(recording.described).containsExactly("com.zaxxer.hikari.HikariDataSource");
    }

    @Test
    void aClassThatCannotDeclareAnInstrumentedMethodIsNeverDescribed() {
        byte[] result = transformer.transform(APPLICATION, "com/shop/Orders", null, null,
                classFile(ClassFileFilterTest.CallsGetConnection.class));

        assertThat(result).isNull();
        assertThat(recording.described).isEmpty();
    }

    @Test
    void theAgentsOwnClassesAreNeverDescribed() {
        // Byte Buddy would wrap such a class in a locator class it may itself be loading right
        // then: "duplicate class definition", capture off on about 2% of starts
        transformer.transform(APPLICATION, "io/queryadvisor/shaded/net/bytebuddy/dynamic/ClassFileLocator$Simple",
                null, null, classFile(HikariDataSource.class));
        transformer.transform(APPLICATION, "io/queryadvisor/capture/jdbc/CapturingConnection", null, null,
                classFile(HikariDataSource.class));

        assertThat(recording.described).isEmpty();
    }

    @Test
    void theBootstrapLoadersAndTheJdksClassesAreNeverDescribed() {
        transformer.transform(null, "com/zaxxer/hikari/HikariDataSource", null, null, classFile(HikariDataSource.class));
        transformer.transform(APPLICATION, "javax/sql/SomeDataSource", null, null, classFile(HikariDataSource.class));

        assertThat(recording.described).isEmpty();
    }

    @Test
    void aMatchingTransformationRewritesTheClass() {
        AdviceTransformer adding = new AdviceTransformer(List.of(new Recording(true)));

        byte[] result = adding.transform(APPLICATION, "com/zaxxer/hikari/HikariDataSource", null, null,
                classFile(HikariDataSource.class));

        assertThat(result).isNotNull();
    }

    @Test
    void aClassNoTransformationMatchesIsLeftAsItIs() {
        assertThat(transformer.transform(APPLICATION, "com/zaxxer/hikari/HikariDataSource", null, null,
                classFile(HikariDataSource.class))).isNull();
    }

    @Test
    void aTransformationThatFailsLeavesTheClassAsItIsAndThrowsNothing() {
        TypeTransformation failing = new Recording(true) {
            @Override
            public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
                                                    ClassLoader loader) {
                throw new IllegalStateException("a bug in a transformation");
            }
        };

        assertThat(new AdviceTransformer(List.of(failing)).transform(APPLICATION,
                "com/zaxxer/hikari/HikariDataSource", null, null, classFile(HikariDataSource.class))).isNull();
    }

    @Test
    void aLoadedDataSourceIsOneToInstrumentOnALateAttachAndAJdkClassIsNot() {
        AdviceTransformer matching = new AdviceTransformer(List.of(new Recording(true)));

        assertThat(matching.instruments(HikariDataSource.class)).isTrue();
        assertThat(matching.instruments(java.util.ArrayList.class)).isFalse();
        assertThat(matching.instruments(ClassFileFilter.class)).isFalse(); // the agent's own
    }

    @Test
    void aLoadedDataSourceWhoseLoaderCannotSeeTheAgentIsNotOneToInstrument() throws Exception {
        AdviceTransformer matching = new AdviceTransformer(List.of(new Recording(true)));
        URL hikari = HikariDataSource.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {hikari}, ClassLoader.getPlatformClassLoader())) {
            Class<?> unseeing = Class.forName(HikariDataSource.class.getName(), false, isolated);

            assertThat(matching.instruments(unseeing)).isFalse();
            assertThat(matching.instruments(HikariDataSource.class)).isTrue(); // the same class where the agent is seen
        }
    }

    @Test
    void theWarmUpInstrumentsADataSourceOfTheAgentsOwnAndNothingElse() {
        Recording recording = new Recording(true);

        new AdviceTransformer(List.of(recording)).warmUp();

        assertThat(recording.described).containsOnly(WarmUpDataSource.class.getName());
    }

    /** Records the types it is asked about; when told to, matches them all and adds nothing visible. */
    private static class Recording implements TypeTransformation {
        final List<String> described = new CopyOnWriteArrayList<>();
        private final boolean matchAll;

        Recording(boolean matchAll) {
            this.matchAll = matchAll;
        }

        @Override
        public boolean matches(TypeDescription type) {
            described.add(type.getName());
            return matchAll;
        }

        @Override
        public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader) {
            return builder;
        }
    }
}
