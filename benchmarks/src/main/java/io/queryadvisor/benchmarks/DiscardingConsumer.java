package io.queryadvisor.benchmarks;

import java.util.concurrent.locks.LockSupport;

import io.queryadvisor.advisor.capture.CaptureBuffer;

/**
 * A consumer that drains the capture buffer and throws the events away. Against the advisor's
 * real consumer it separates the application thread's own cost from the advisor's: it always
 * keeps up (so every hand-off succeeds) and allocates nothing (so no collection it causes stops
 * the application thread). Idles like the advisor's consumer: parks, never wakes the producer.
 */
final class DiscardingConsumer implements AutoCloseable {

    private final CaptureBuffer buffer;
    private final Thread thread;
    private volatile boolean running = true;

    private DiscardingConsumer(CaptureBuffer buffer) {
        this.buffer = buffer;
        this.thread = new Thread(this::drainUntilClosed, "discarding-consumer");
        this.thread.setDaemon(true);
    }

    static DiscardingConsumer start(CaptureBuffer buffer) {
        DiscardingConsumer consumer = new DiscardingConsumer(buffer);
        consumer.thread.start();
        return consumer;
    }

    private void drainUntilClosed() {
        while (running) {
            if (buffer.drain(event -> { }, 4_096) == 0) {
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2_000);
    }
}
