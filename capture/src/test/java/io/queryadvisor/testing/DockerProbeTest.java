package io.queryadvisor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DockerProbeTest {

    @Test
    void dockerHostHintsAtAnEngine() {
        assertThat(DockerProbe.dockerHinted(Map.of("DOCKER_HOST", "tcp://docker.example:2375"))).isTrue();
    }

    @Test
    void testcontainersSettingsHintAtAnEngine() {
        assertThat(DockerProbe.dockerHinted(Map.of("TESTCONTAINERS_HOST_OVERRIDE", "docker.example"))).isTrue();
    }
}
