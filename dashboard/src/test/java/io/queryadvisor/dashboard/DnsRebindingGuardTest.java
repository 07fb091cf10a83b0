package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DnsRebindingGuardTest {

    private final DnsRebindingGuard loopback = new DnsRebindingGuard(true, "127.0.0.1");

    @Test
    void allowsLoopbackNamesWithOrWithoutPort() {
        assertThat(loopback.allows("localhost")).isTrue();
        assertThat(loopback.allows("LocalHost:7070")).isTrue();
        assertThat(loopback.allows("127.0.0.1:7070")).isTrue();
        assertThat(loopback.allows("127.1.2.3")).isTrue();
        assertThat(loopback.allows("[::1]:7070")).isTrue();
    }

    @Test
    void refusesOtherNames() {
        assertThat(loopback.allows("evil.example")).isFalse();
        assertThat(loopback.allows("evil.example:7070")).isFalse();
        assertThat(loopback.allows("127.0.0.1.evil.example")).isFalse();
        assertThat(loopback.allows("localhost.evil.example")).isFalse();
    }

    @Test
    void allowsTheConfiguredHostName() {
        assertThat(new DnsRebindingGuard(true, "devbox").allows("devbox:7070")).isTrue();
    }

    @Test
    void allowsRequestsWithoutHostHeader() {
        assertThat(loopback.allows(null)).isTrue();
    }

    @Test
    void allowsAnyNameWhenNotBoundToLoopback() {
        assertThat(new DnsRebindingGuard(false, "0.0.0.0").allows("build-server.corp:7070")).isTrue();
    }
}
