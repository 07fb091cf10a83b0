package io.queryadvisor.capture.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What the capture layer does with bound values: never the application's own code. */
class BindValuesTest {

    @Test
    void aValueWhoseHashCodeThrowsIsHashedByItsClass() {
        assertThat(BindValues.hash(new HashCodeThrows())).isEqualTo(BindValues.hash(new HashCodeThrows()));
    }

    @Test
    void aListContainingItselfIsHashedByItsClass() {
        List<Object> list = new ArrayList<>();
        list.add(list);

        assertThat(BindValues.hash(list)).isEqualTo(BindValues.hash(new ArrayList<>()));
    }

    @Test
    void knownImmutableTypesHashByValue() {
        assertThat(BindValues.hash(new BigDecimal("1.50"))).isEqualTo(BindValues.hash(new BigDecimal("1.50")))
                .isNotEqualTo(BindValues.hash(new BigDecimal("2.50")));
        UUID id = UUID.randomUUID();
        assertThat(BindValues.hash(id)).isEqualTo(BindValues.hash(UUID.fromString(id.toString())))
                .isNotEqualTo(BindValues.hash(UUID.randomUUID()));
        assertThat(BindValues.hash(LocalDate.of(2026, 1, 2))).isEqualTo(BindValues.hash(LocalDate.of(2026, 1, 2)))
                .isNotEqualTo(BindValues.hash(LocalDate.of(2026, 1, 3)));
        assertThat(BindValues.hash(Size.SMALL)).isNotEqualTo(BindValues.hash(Size.LARGE));
    }

    @Test
    void bytesHashByContents() {
        assertThat(BindValues.hash(new byte[] {1, 2, 3})).isEqualTo(BindValues.hash(new byte[] {1, 2, 3}))
                .isNotEqualTo(BindValues.hash(new byte[] {1, 2, 4}));
    }

    @Test
    void aSubclassOfAKnownTypeIsNotKnown() {
        assertThat(BindValues.hash(new OwnDecimal("1"))).isEqualTo(BindValues.hash(new OwnDecimal("2")));
        assertThat(BindValues.immutableCopy(new OwnDecimal("1"))).isNull();
    }

    @Test
    void aSampleOfAMutableValueIsACopyThatLaterChangesDoNotReach() {
        byte[] bytes = {1, 2, 3};
        Timestamp at = Timestamp.valueOf("2026-01-02 03:04:05.123456789");
        Object bytesCopy = BindValues.immutableCopy(bytes);
        Object atCopy = BindValues.immutableCopy(at);
        bytes[0] = 9;
        at.setNanos(0);

        assertThat(bytesCopy).isEqualTo(new byte[] {1, 2, 3});
        assertThat(atCopy).isEqualTo(Timestamp.valueOf("2026-01-02 03:04:05.123456789"));
    }

    @Test
    void aSampleOfAnUnknownTypeIsNull() {
        assertThat(BindValues.immutableCopy(new StringBuilder("mutable"))).isNull();
        assertThat(BindValues.immutableCopy(new HashCodeThrows())).isNull();
        assertThat(BindValues.immutableCopy(new ArrayList<>())).isNull();
    }

    @Test
    void aSampleOfAKnownImmutableTypeIsTheValueItself() {
        BigDecimal price = new BigDecimal("9.99");
        assertThat(BindValues.immutableCopy(price)).isSameAs(price);
        assertThat(BindValues.immutableCopy("text")).isEqualTo("text");
        assertThat(BindValues.immutableCopy(Size.LARGE)).isSameAs(Size.LARGE);
    }

    private enum Size { SMALL, LARGE }

    /** An application's value whose hashCode must never run. */
    static final class HashCodeThrows {
        @Override
        public int hashCode() {
            throw new IllegalStateException("hashCode called");
        }

        @Override
        public boolean equals(Object other) {
            throw new IllegalStateException("equals called");
        }
    }

    private static final class OwnDecimal extends BigDecimal {
        OwnDecimal(String value) {
            super(value);
        }
    }
}
