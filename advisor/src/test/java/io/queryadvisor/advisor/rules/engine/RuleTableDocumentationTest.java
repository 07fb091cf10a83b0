package io.queryadvisor.advisor.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README's rule table is the one the rule descriptors make, row for row. */
class RuleTableDocumentationTest {

    private static final Path README = Path.of(System.getProperty("basedir", ".")).resolve("../README.md").normalize();

    @Test
    void readmeListsEveryRuleAsItsDescriptorSays() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String table = RuleTable.markdown();
        assertThat(readme)
                .as("README.md's rule table must be exactly (paste it in):%n%s", table)
                .contains(table);
    }

    @Test
    void everyRuleIdIsListedOnce() {
        assertThat(RuleRegistry.ids()).doesNotHaveDuplicates().contains("slow-query", "n-plus-one", "select-star");
    }
}
