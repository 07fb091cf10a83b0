package io.queryadvisor.samples.springshop.traffic;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Raised once (by Ctrl+C's shutdown hook, or a test) to end the traffic and the linger early. */
public final class StopSignal {

    private final CountDownLatch raised = new CountDownLatch(1);

    public void raise() {
        raised.countDown();
    }

    public boolean isRaised() {
        return raised.getCount() == 0;
    }

    /** Waits up to {@code timeout} for the signal; returns whether it was raised. */
    public boolean await(Duration timeout) throws InterruptedException {
        return raised.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
