package io.queryadvisor.advisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void textEscapesEveryCharacterThatCouldStartMarkup() {
        assertThat(MarkdownText.text("a|b *c* _d_ `e` [f](g) <h> &i; ~j~ #k \\l"))
                .isEqualTo("a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\> \\&i; \\~j\\~ \\#k \\\\l");
    }

    @Test
    void textPutsLineBreaksOnOneLine() {
        assertThat(MarkdownText.text("a\r\nb\nc\rd\te")).isEqualTo("a b c d e");
    }

    @Test
    void codeUsesAFenceLongerThanAnyBacktickRunInside() {
        assertThat(MarkdownText.code("select 1")).isEqualTo("`select 1`");
        assertThat(MarkdownText.code("a `b` c")).isEqualTo("``a `b` c``");
        assertThat(MarkdownText.code("a ``b`` c")).isEqualTo("```a ``b`` c```");
    }

    @Test
    void codePadsContentThatStartsOrEndsWithABacktick() {
        assertThat(MarkdownText.code("`name`")).isEqualTo("`` `name` ``");
        assertThat(MarkdownText.code(" x ")).isEqualTo("`  x  `");
    }

    @Test
    void cellCodeEscapesPipesForTheTableSplitter() {
        assertThat(MarkdownText.cellCode("a || b")).isEqualTo("`a \\|\\| b`");
    }

    @Test
    void codeBlockFenceOutgrowsFencesInsideTheCode() {
        assertThat(MarkdownText.codeBlock("x\n```\ny", "sql")).isEqualTo("````sql\nx\n```\ny\n````\n");
        assertThat(MarkdownText.codeBlock("x\r\ny\n", "java")).isEqualTo("```java\nx\ny\n```\n");
    }

    @Test
    void codeBlockKeepsOnlyWhatAnInfoStringMayHold() {
        assertThat(MarkdownText.codeBlock("x", "sql` onclick")).isEqualTo("```sqlonclick\nx\n```\n");
        assertThat(MarkdownText.codeBlock("x", null)).isEqualTo("```\nx\n```\n");
    }
}
