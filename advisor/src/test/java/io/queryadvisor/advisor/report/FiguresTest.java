package io.queryadvisor.advisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void millisKeepTwoDecimalsAndGroupThousands() {
        assertThat(Figures.millis(1234.5678)).isEqualTo("1,234.57");
        assertThat(Figures.millis(0.004)).isEqualTo("0");
        assertThat(Figures.millis(12)).isEqualTo("12");
    }

    @Test
    void countsGroupThousandsWhateverTheDefaultLocale() {
        assertThat(Figures.count(12_345_678)).isEqualTo("12,345,678");
    }

    @Test
    void evidenceValuesReadAsCountsDecimalsOrText() {
        assertThat(Figures.value(1200)).isEqualTo("1,200");
        assertThat(Figures.value(42.125)).isEqualTo("42.12");
        assertThat(Figures.value(new BigDecimal("1234.5"))).isEqualTo("1,234.5");
        assertThat(Figures.value("users")).isEqualTo("users");
        assertThat(Figures.value(null)).isEqualTo(Figures.NONE);
    }

    @Test
    void abbreviateCutsLongTextWithAnEllipsisButNeverHalfACharacter() {
        assertThat(Figures.abbreviate("select 1", 20)).isEqualTo("select 1");
        assertThat(Figures.abbreviate("abcdefghij", 5)).isEqualTo("abcd…");
        assertThat(Figures.abbreviate("abc👟def", 5)).isEqualTo("abc…");
    }
}
