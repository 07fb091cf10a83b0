package io.queryadvisor.advisor.rules.deepoffset;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.callSite;
import static io.queryadvisor.advisor.rules.testing.RuleWorkload.settings;
import static io.queryadvisor.advisor.rules.testing.UnitOfWorkScript.execution;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.FingerprintCache;
import io.queryadvisor.advisor.fingerprint.Fingerprinter;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.testing.UnitOfWorkScript;

class DeepOffsetRuleTest {

    static final FingerprintCache FINGERPRINTS = new FingerprintCache(new Fingerprinter(), 1_000);
    static final Fingerprint PAGE = fingerprint(
            "SELECT id, status FROM orders WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
    static final Fingerprint COUNT = fingerprint("SELECT count(*) FROM orders WHERE customer_id = ?");
    static final Fingerprint KEYSET = fingerprint(
            "SELECT id, status FROM orders WHERE customer_id = ? AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?");
    static final CallSite HISTORY = callSite("com.shop.OrderHistory", "page", 33);

    private final DeepOffsetRule rule = new DeepOffsetRule(RuleSettings.defaults(DeepOffsetRule.ID));
    private final UnitOfWorkScript app = new UnitOfWorkScript(rule);

    static Fingerprint fingerprint(String sql) {
        return FINGERPRINTS.fingerprint(sql, Dialect.POSTGRESQL);
    }

    private static UnitOfWorkScript.Execution page(long offset) {
        return execution(PAGE).values(7, 20, offset).rows(20).from(HISTORY);
    }

    @Test
    void flagsPagesReadAtADeepBoundOffset() {
        Recommendation r = app.run(page(0), page(20), page(2_000)).only();

        assertThat(r.rule()).isEqualTo("deep-offset");
        assertThat(r.id()).isEqualTo("deep-offset:" + PAGE.id());
        assertThat(r.title()).isEqualTo("Deep OFFSET: pages skip up to 2000 rows before the 20 they return");
        assertThat(r.evidence())
                .containsEntry("pages", 3L)
                .containsEntry("offsetsKnown", 3L)
                .containsEntry("deepPages", 1L)
                .containsEntry("thresholdOffset", 1_000L)
                .containsEntry("maxOffset", 2_000L)
                .containsEntry("pageSize", 20L)
                .containsEntry("maxRowsWalked", 2_020L)
                .containsEntry("callSites", "com.shop.OrderHistory.page(OrderHistory.java:33)")
                .doesNotContainKey("countQueryBeside");
    }

    @Test
    void suggestsTheSameQueryAsAKeysetPage() {
        Recommendation r = app.run(page(5_000)).only();

        assertThat(r.suggestion().code()).isEqualTo("SELECT id, status FROM orders WHERE customer_id = ?"
                + " AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?");
        assertThat(r.suggestion().text()).contains("keyset pagination", "skipping 5000 rows", "created_at DESC, id DESC")
                .doesNotContain("Slice");
    }

    @Test
    void readsLiteralOffsetsTextByText() {
        Fingerprint shallow = fingerprint("SELECT id, name FROM products ORDER BY id LIMIT 50 OFFSET 100");
        Fingerprint deep = fingerprint("SELECT id, name FROM products ORDER BY id LIMIT 50 OFFSET 9000");

        Recommendation r = app.run(execution(shallow).inlined("...").rows(50), execution(deep).inlined("...").rows(50)).only();

        assertThat(r.evidence()).containsEntry("maxOffset", 9_000L).containsEntry("deepPages", 1L)
                .containsEntry("pageSize", 50L);
    }

    @Test
    void notesACountQueryRunBesideEveryPage() {
        for (int i = 0; i < 3; i++) {
            app.connection(i + 1).run(page(1_000 + 20L * i), execution(COUNT).rows(1)).release();
        }
        app.connection(10).run(execution(COUNT).rows(1), page(3_000)).release();

        Recommendation r = app.only();

        assertThat(r.title()).endsWith(", each with a count query beside it");
        assertThat(r.evidence()).containsEntry("countQueryBeside", COUNT.text()
                + " (beside 4 of 4 pages, in the same connection checkout)");
        assertThat(r.suggestion().text()).contains("Slice");
    }

    @Test
    void doesNotTieACountOnAnotherCheckoutToThePage() {
        app.connection(1).run(execution(COUNT).rows(1)).release();
        app.connection(2).run(page(4_000)).release();

        assertThat(app.only().evidence()).doesNotContainKey("countQueryBeside");
    }

    @Test
    void staysSilentForShallowPages() {
        app.run(page(0), page(20), page(980));

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void staysSilentForKeysetPages() {
        app.run(execution(KEYSET).values(7, "2026-01-01", 90_000, 20).rows(20));

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void staysSilentWhenNoOffsetIsKnown() {
        app.run(execution(PAGE).rows(20), execution(PAGE).rows(20));

        assertThat(app.recommendations()).as("binds not sampled: no offset known, no claim").isEmpty();
    }

    @Test
    void readsTheThresholdFromItsSetting() {
        DeepOffsetRule strict = new DeepOffsetRule(settings(DeepOffsetRule.ID, "threshold", "100"));

        assertThat(new UnitOfWorkScript(strict).run(page(200)).recommendations()).hasSize(1);
    }

    @Test
    void forgetsACheckoutWhenItsConnectionIsReleased() {
        app.connection(1).run(page(2_000)).release();

        assertThat(rule.connectionsTracked()).isZero();
    }
}
