package io.queryadvisor.agent.instrument;

import java.sql.Connection;
import java.sql.Driver;
import java.util.Properties;

import net.bytebuddy.asm.Advice;

import io.queryadvisor.capture.CaptureContext;

/**
 * Inlined into every {@code Driver#connect(String, Properties)}: as {@link GetConnectionAdvice},
 * and it also hands the URL and properties to {@link ConnectionWrapping#connected}, so that the
 * database probe can later open a connection of its own the way the application's driver did.
 */
public final class DriverConnectAdvice {

    private DriverConnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static CaptureContext enter() {
        return ConnectionWrapping.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Driver driver,
                     @Advice.Enter CaptureContext context,
                     @Advice.Argument(0) String url,
                     @Advice.Argument(1) Properties properties,
                     @Advice.Return(readOnly = false) Connection connection) {
        connection = ConnectionWrapping.connected(driver, url, properties, connection, context);
    }
}
