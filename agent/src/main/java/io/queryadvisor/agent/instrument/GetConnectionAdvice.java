package io.queryadvisor.agent.instrument;

import java.sql.Connection;

import net.bytebuddy.asm.Advice;

import io.queryadvisor.capture.CaptureContext;

/**
 * Inlined into every {@code DataSource#getConnection} and {@code Driver#connect}. Thin on
 * purpose: it hands off to {@link ConnectionWrapping}, plain Java that can be tested without
 * bytecode. Both halves suppress every throwable, so the agent can never throw into the
 * application: at worst the application gets its connection unwrapped.
 */
public final class GetConnectionAdvice {

    private GetConnectionAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static CaptureContext enter() {
        return ConnectionWrapping.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object source,
                     @Advice.Enter CaptureContext context,
                     @Advice.Return(readOnly = false) Connection connection,
                     @Advice.Thrown Throwable thrown) {
        connection = ConnectionWrapping.exit(source, connection, context, thrown);
    }
}
