package io.queryadvisor.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The racing path of the duplicate-class start-up failure, made deterministic: a class of the
 * agent's own never reaches Byte Buddy's transformer (which would wrap it in a class the
 * transformer may itself be loading), whatever thread loads it.
 */
class OwnClassesSkippedTest {

    private final RecordingTransformer recording = new RecordingTransformer();
    private final List<String> seen = recording.seen;
    private final OwnClassesSkipped transformer = new OwnClassesSkipped(recording);

    @Test
    void theAgentsShadedLibrariesNeverReachTheTransformer() throws Exception {
        byte[] result = transformer.transform(getClass().getClassLoader(),
                "io/queryadvisor/shaded/bytebuddy/dynamic/ClassFileLocator$Simple", null, null, new byte[0]);

        assertThat(result).isNull();
        assertThat(seen).isEmpty();
    }

    @Test
    void theAgentsOwnClassesNeverReachTheTransformerThroughTheModuleAwareEntryEither() throws Exception {
        transformer.transform(Object.class.getModule(), getClass().getClassLoader(),
                "io/queryadvisor/capture/jdbc/CapturingConnection", null, null, new byte[0]);

        assertThat(seen).isEmpty();
    }

    @Test
    void applicationClassesStillReachTheTransformer() throws Exception {
        transformer.transform(getClass().getClassLoader(), "com/zaxxer/hikari/HikariDataSource", null, null,
                new byte[0]);
        transformer.transform(Object.class.getModule(), getClass().getClassLoader(),
                "io/queryadvisor/samples/shop/Shop", null, null, new byte[0]);

        assertThat(seen).containsExactly("com/zaxxer/hikari/HikariDataSource", "io/queryadvisor/samples/shop/Shop");
    }
}
