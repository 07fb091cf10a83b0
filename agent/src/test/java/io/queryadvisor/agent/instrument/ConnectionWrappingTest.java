package io.queryadvisor.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.h2.Driver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.capture.CaptureContext;
import io.queryadvisor.capture.jdbc.CapturingConnection;

/** The count-once decisions, driven the way the inlined advice drives them. */
class ConnectionWrappingTest {

    private final Object outerDataSource = new Object();
    private final Object innerDataSource = new Object();
    private Connection raw;

    @BeforeEach
    void install() throws SQLException {
        ConnectionWrapping.install(new Capture(new CaptureBuffer(1024), CaptureConfig.defaults()));
        raw = DriverManager.getConnection("jdbc:h2:mem:wrapping");
    }

    @AfterEach
    void uninstall() throws SQLException {
        ConnectionWrapping.install(null);
        raw.close();
    }

    @Test
    void wrapsTheConnectionOfATopLevelGetConnection() {
        ConnectionWrapping.enter();
        Connection c = ConnectionWrapping.exit(outerDataSource, raw);

        assertThat(c).isInstanceOf(CapturingConnection.class);
    }

    @Test
    void wrapsNothingOnceCaptureHasSwitchedItselfOff() {
        ConnectionWrapping.capture().stop(); // as after repeated failures of the capture path

        ConnectionWrapping.enter();
        Connection c = ConnectionWrapping.exit(outerDataSource, raw);

        assertThat(c).isSameAs(raw);
    }

    @Test
    void onlyTheOutermostOfNestedDataSourcesWraps() {
        ConnectionWrapping.enter();
        ConnectionWrapping.enter();
        Connection inner = ConnectionWrapping.exit(innerDataSource, raw);
        Connection outer = ConnectionWrapping.exit(outerDataSource, inner);

        assertThat(inner).isSameAs(raw);
        assertThat(outer).isInstanceOf(CapturingConnection.class);
    }

    @Test
    void neverWrapsTwice() {
        ConnectionWrapping.enter();
        Connection once = ConnectionWrapping.exit(outerDataSource, raw);
        ConnectionWrapping.enter();
        Connection again = ConnectionWrapping.exit(outerDataSource, once);

        assertThat(again).isSameAs(once);
    }

    @Test
    void aDriverConnectionOpenedByTheApplicationIsWrapped() {
        ConnectionWrapping.enter();
        Connection c = ConnectionWrapping.exit(new Driver(), raw);

        assertThat(c).isInstanceOf(CapturingConnection.class);
    }

    @Test
    void passesConnectionsThroughWhenCaptureIsOff() {
        ConnectionWrapping.install(null);
        ConnectionWrapping.enter();

        assertThat(ConnectionWrapping.exit(outerDataSource, raw)).isSameAs(raw);
    }

    @Test
    void aFailedGetConnectionLeavesNoDepthBehind() {
        ConnectionWrapping.enter();
        assertThat(ConnectionWrapping.exit(outerDataSource, null)).isNull();
        ConnectionWrapping.enter();

        assertThat(ConnectionWrapping.exit(outerDataSource, raw)).isInstanceOf(CapturingConnection.class);
    }

    @Test
    void aConnectionQueryAdvisorOpensForItselfIsNotWrapped() {
        CaptureContext context = CaptureContext.current();
        context.uncaptured = true;
        try {
            ConnectionWrapping.enter();
            assertThat(ConnectionWrapping.exit(new Driver(), raw)).isSameAs(raw);
        } finally {
            context.uncaptured = false;
        }
    }
}
