package io.queryadvisor.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.deepoffset.DeepOffsetRule;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.TestSchema;

/** The deep-offset rule on pages an application reads through a HikariCP pool on PostgreSQL, captured by the agent. */
class DeepOffsetOnPostgresTest {

    private static final String PAGE = "SELECT id, kind FROM events ORDER BY id LIMIT ? OFFSET ?";
    private static final String KEYSET_PAGE = "SELECT id, kind FROM events WHERE id > ? ORDER BY id LIMIT ?";
    private static final int EVENTS = 5_000;
    private static final int PAGE_SIZE = 20;

    private static TestSchema shop;

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.withDefaults();

    @BeforeAll
    static void createEvents() throws SQLException {
        shop = ShopDatabase.freshFor(DeepOffsetOnPostgresTest.class);
        try (Connection connection = shop.connect(); Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE events (id BIGINT PRIMARY KEY, kind TEXT NOT NULL)");
            s.execute("INSERT INTO events SELECT g, 'kind-' || (g % 7) FROM generate_series(1, " + EVENTS + ") g");
        }
    }

    /** Page {@code offset / PAGE_SIZE} by OFFSET, and "page N of M": a count of all events, on one connection. */
    private static int pageWithCount(DataSource pool, long offset) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            int rows;
            try (PreparedStatement page = connection.prepareStatement(PAGE)) {
                page.setInt(1, PAGE_SIZE);
                page.setLong(2, offset);
                try (ResultSet rs = page.executeQuery()) {
                    rows = read(rs);
                }
            }
            try (Statement count = connection.createStatement(); ResultSet rs = count.executeQuery("SELECT count(*) FROM events")) {
                rs.next();
            }
            return rows;
        }
    }

    private static int read(ResultSet rs) throws SQLException {
        int rows = 0;
        while (rs.next()) {
            rows++;
        }
        return rows;
    }

    @Test
    void deepPagesAreFoundWithTheRowsWalkedTheCountBesideThemAndTheKeysetQuery() throws SQLException {
        DataSource pool = agent.pool(shop);
        for (long offset : new long[] {0, 2_000, 4_000}) {
            assertThat(pageWithCount(pool, offset)).isEqualTo(PAGE_SIZE);
        }

        Recommendation finding = agent.onlyFinding(DeepOffsetRule.ID);

        assertThat(finding.evidence())
                .containsEntry("pages", 3L)
                .containsEntry("offsetsKnown", 3L)
                .containsEntry("deepPages", 2L)
                .containsEntry("maxOffset", 4_000L)
                .containsEntry("pageSize", (long) PAGE_SIZE)
                .containsEntry("maxRowsWalked", 4_000L + PAGE_SIZE)
                .containsEntry("countQueryBeside", "SELECT count(*) FROM events (beside 3 of 3 pages, in the same"
                        + " connection checkout)");
        assertThat(finding.suggestion().code()).isEqualTo(KEYSET_PAGE);
    }

    @Test
    void everyPageIsKnownOnceThePagesAreSeenNotOnlyTheSampledFirstOnes() throws SQLException {
        DataSource pool = agent.pool(shop);
        for (long offset = 0; offset < 80; offset += PAGE_SIZE) { // the text's first pages: 0, 20, 40, 60
            pageWithCount(pool, offset);
        }
        agent.awaitIdle(); // the advisor has seen a page whose OFFSET it was not given, and asked for all
        for (long offset = 80; offset <= 4_000; offset += PAGE_SIZE) {
            pageWithCount(pool, offset);
        }

        Recommendation finding = agent.onlyFinding(DeepOffsetRule.ID);

        // without the request: the first 3 pages sampled (offsets 0, 20, 40) and no deep page at all
        assertThat(finding.evidence())
                .containsEntry("pages", 201L)
                .containsEntry("offsetsKnown", 200L) // all but page 4, whose arrival made the request
                .containsEntry("maxOffset", 4_000L)
                .containsEntry("deepPages", 151L); // offsets 1,000 to 4,000
    }

    @Test
    void literalOffsetsAreReadFromEachText() throws SQLException {
        try (Connection connection = agent.pool(shop).getConnection(); Statement s = connection.createStatement()) {
            for (int offset : new int[] {0, 20, 3_000}) {
                try (ResultSet rs = s.executeQuery("SELECT id, kind FROM events ORDER BY id LIMIT 20 OFFSET " + offset)) {
                    assertThat(read(rs)).isEqualTo(PAGE_SIZE);
                }
            }
        }

        Recommendation finding = agent.onlyFinding(DeepOffsetRule.ID);

        assertThat(finding.evidence()).containsEntry("maxOffset", 3_000L).containsEntry("deepPages", 1L)
                .doesNotContainKey("countQueryBeside");
    }

    @Test
    void keysetPagesAreNotDeepOffset() throws SQLException {
        try (Connection connection = agent.pool(shop).getConnection();
             PreparedStatement page = connection.prepareStatement(KEYSET_PAGE)) {
            for (long after : new long[] {0, 2_000, 4_000}) {
                page.setLong(1, after);
                page.setInt(2, PAGE_SIZE);
                try (ResultSet rs = page.executeQuery()) {
                    assertThat(read(rs)).isEqualTo(PAGE_SIZE);
                }
            }
        }

        assertThat(agent.findings(DeepOffsetRule.ID)).isEmpty();
    }

    @Test
    void shallowPagesAreNotDeepOffset() throws SQLException {
        DataSource pool = agent.pool(shop);
        for (long offset : new long[] {0, 20, 980}) {
            assertThat(pageWithCount(pool, offset)).isEqualTo(PAGE_SIZE);
        }

        assertThat(agent.findings(DeepOffsetRule.ID)).isEmpty();
    }
}
