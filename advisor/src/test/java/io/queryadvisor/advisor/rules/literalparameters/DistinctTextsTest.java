package io.queryadvisor.advisor.rules.literalparameters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistinctTextsTest {

    @Test
    void countsEachTextOnce() {
        DistinctTexts texts = new DistinctTexts(100);
        for (int i = 0; i < 3; i++) {
            texts.add("SELECT 1");
            texts.add("SELECT 2");
        }

        assertThat(texts.count()).isEqualTo(2);
        assertThat(texts.full()).isFalse();
    }

    @Test
    void countsManyTextsExactlyAsItGrows() {
        DistinctTexts texts = new DistinctTexts(10_000);
        for (int i = 0; i < 5_000; i++) {
            texts.add("SELECT * FROM t WHERE id = " + i);
            texts.add("SELECT * FROM t WHERE id = " + i);
        }

        assertThat(texts.count()).isEqualTo(5_000);
    }

    @Test
    void stopsCountingAtItsMaximum() {
        DistinctTexts texts = new DistinctTexts(256);
        for (int i = 0; i < 10_000; i++) {
            texts.add("SELECT * FROM t WHERE id = " + i);
        }

        assertThat(texts.count()).isEqualTo(256);
        assertThat(texts.full()).isTrue();
    }
}
