package io.queryadvisor.advisor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CaptureBufferTest {

    private static final int CAPACITY = 1_024;

    private final CaptureBuffer buffer = new CaptureBuffer(CAPACITY);
    private final List<CaptureEvent> drained = new ArrayList<>();

    @Test
    void acceptsEventsUntilFull() {
        for (int i = 0; i < CAPACITY; i++) {
            assertThat(buffer.offer(tick(i))).isTrue();
        }

        assertThat(buffer.offer(tick(CAPACITY))).isFalse();
        assertThat(buffer.dropped()).isEqualTo(1);
    }

    @Test
    void onceFullShedsEveryOfferUntilTheConsumerHasDrainedToHalf() {
        fill();
        buffer.offer(tick(-1)); // found full: shedding from now on

        buffer.drain(drained::add, CAPACITY / 2 - 1);
        assertThat(buffer.shedding()).isTrue();
        assertThat(buffer.offer(tick(-2))).as("room for it, but still shedding").isFalse();

        buffer.drain(drained::add, 1);
        assertThat(buffer.shedding()).isFalse();
        assertThat(buffer.offer(tick(-3))).isTrue();
        assertThat(buffer.dropped()).isEqualTo(2);
    }

    @Test
    void shedEventsAreCountedNeverQueued() {
        fill();
        for (int i = 0; i < 100; i++) {
            buffer.offer(tick(-i));
        }

        buffer.drain(drained::add, Integer.MAX_VALUE);

        assertThat(drained).hasSize(CAPACITY);
        assertThat(buffer.dropped()).isEqualTo(100);
    }

    private void fill() {
        for (int i = 0; i < CAPACITY; i++) {
            buffer.offer(tick(i));
        }
    }

    private static Tick tick(long nanos) {
        return new Tick(nanos, 0);
    }
}
