package io.queryadvisor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The benchmark measures what it says: every variant runs the whole cycle, through the layer it names. */
class VariantTest {

    @ParameterizedTest
    @EnumSource(Variant.class)
    void runsTheCycleOverTheStubDriver(Variant variant) throws Exception {
        try (Rig rig = Rig.start(variant)) {
            // id (the bound key) + length of "stub" + quantity 3
            assertThat(StatementCycle.run(rig.source(), 42)).isEqualTo(42 + 4 + 3);
            assertThat(StatementCycle.run(rig.source(), 7)).isEqualTo(7 + 4 + 3);
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void handsOutTheConnectionOfTheLayerItNames(Variant variant) throws Exception {
        try (Rig rig = Rig.start(variant); Connection connection = rig.source().open()) {
            String layer = layerOf(connection);
            if (variant == Variant.RAW) {
                assertThat(layer).startsWith("com.zaxxer.hikari.");
            } else if (variant == Variant.DATASOURCE_PROXY) {
                assertThat(layer).isEqualTo("net.ttddyy.dsproxy.proxy.ProxyJdbcObject");
            } else {
                assertThat(layer).isEqualTo("io.queryadvisor.capture.jdbc.CapturingConnection");
            }
        }
    }

    /** The capturing connection's class is generated; its superclass names it. JDK proxies say so by interface. */
    private static String layerOf(Connection connection) {
        Class<?> type = connection.getClass();
        if (type.getName().startsWith("io.queryadvisor.capture.")) {
            return type.getSuperclass().getName();
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (implemented.getName().startsWith("net.ttddyy.dsproxy.")) {
                return implemented.getName();
            }
        }
        return type.getName();
    }
}
