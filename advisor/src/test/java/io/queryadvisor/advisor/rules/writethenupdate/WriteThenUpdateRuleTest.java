package io.queryadvisor.advisor.rules.writethenupdate;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.callSite;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.onTables;
import static io.queryadvisor.advisor.rules.testing.RuleWorkload.settings;
import static io.queryadvisor.advisor.rules.testing.UnitOfWorkScript.execution;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.SqlFacts;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.engine.RuleRegistry;
import io.queryadvisor.advisor.rules.testing.UnitOfWorkScript;
import io.queryadvisor.advisor.stats.CallSiteCount;

class WriteThenUpdateRuleTest {

    static final Fingerprint INSERT_ORDER = onTables("INSERT INTO orders (customer_id) VALUES (?)", "orders");
    static final Fingerprint INSERT_LINE = onTables(
            "INSERT INTO order_lines (product_id, quantity, id) VALUES (?, ?, ?)", "order_lines");
    static final Fingerprint SET_ORDER = update("UPDATE order_lines SET order_id = ? WHERE id = ?", "order_lines",
            List.of("order_id"), List.of("id"));
    static final Fingerprint PRODUCT = onTables("SELECT id, price FROM products WHERE id = ?", "products");
    static final CallSite FLUSH = callSite("com.shop.OrderService", "place", 40);

    private final WriteThenUpdateRule rule = new WriteThenUpdateRule(RuleSettings.defaults(WriteThenUpdateRule.ID));
    private final UnitOfWorkScript app = new UnitOfWorkScript(rule);

    /** An UPDATE whose facts say which columns it sets and which its WHERE compares. */
    static Fingerprint update(String text, String table, List<String> set, List<String> where) {
        Fingerprint f = onTables(text, table);
        return new Fingerprint(f.id(), f.text(), StatementType.UPDATE, true,
                new SqlFacts(false, List.of(), List.of(table), 0, false, false, set, where));
    }

    /** What Hibernate flushes for an order with {@code lines} lines in a unidirectional @OneToMany. */
    private UnitOfWorkScript placeOrder(UnitOfWorkScript script, int lines) {
        script.run(execution(INSERT_ORDER).from(FLUSH)).loop(lines, INSERT_LINE, FLUSH);
        return script.loop(lines, SET_ORDER, FLUSH);
    }

    @Test
    void flagsRowsInsertedThenUpdatedToSetTheirForeignKey() {
        Recommendation r = placeOrder(app.connection(1).transaction(1), 3).release().only();

        assertThat(r.rule()).isEqualTo("write-then-update");
        assertThat(r.id()).isEqualTo("write-then-update:" + SET_ORDER.id());
        assertThat(r.title()).isEqualTo("Insert then update: each row inserted into order_lines is updated at once to"
                + " set order_id (3 rows in 1 transaction)");
        assertThat(r.evidence())
                .containsEntry("pairs", 3L)
                .containsEntry("unitsOfWork", 1L)
                .containsEntry("unitOfWorkKind", "transaction")
                .containsEntry("maxPairsInAUnit", 3L)
                .containsEntry("table", "order_lines")
                .containsEntry("foreignKeyColumn", "order_id")
                .containsEntry("insertStatement", INSERT_LINE.text())
                .containsEntry("updateStatement", SET_ORDER.text())
                .containsEntry("updateMillis", 3.0)
                .containsEntry("insertCallSites", "com.shop.OrderService.place(OrderService.java:40)")
                .containsEntry("updateCallSites", "com.shop.OrderService.place(OrderService.java:40)");
        assertThat(r.callSites()).extracting(CallSiteCount::callSite)
                .containsExactly("com.shop.OrderService.place(OrderService.java:40)");
    }

    @Test
    void givesEvidenceInReadingOrder() {
        Recommendation r = placeOrder(app.request(1, "POST /orders"), 3).complete().only();

        assertThat(List.copyOf(r.evidence().keySet())).containsExactly("pairs", "unitsOfWork", "unitOfWorkKind",
                "maxPairsInAUnit", "table", "foreignKeyColumn", "insertStatement", "updateStatement", "updateMillis",
                "shareOfStatementTimePercent", "endpoints", "insertCallSites", "updateCallSites");
    }

    @Test
    void flagsAnUpdateRightAfterEachInsert() {
        for (int i = 0; i < 3; i++) {
            app.run(execution(INSERT_LINE), execution(SET_ORDER));
        }

        assertThat(app.release().only().evidence()).containsEntry("pairs", 3L);
    }

    @Test
    void addsUpThePairsOfSeveralUnits() {
        placeOrder(app.connection(1).transaction(1), 2).release();
        assertThat(app.recommendations()).isEmpty();

        placeOrder(app.connection(2).transaction(1), 2).release();

        assertThat(app.only().evidence()).containsEntry("pairs", 4L)
                .containsEntry("unitsOfWork", 2L)
                .containsEntry("maxPairsInAUnit", 2L);
    }

    @Test
    void readsMinPairsFromSettings() {
        UnitOfWorkScript eager = new UnitOfWorkScript(
                new WriteThenUpdateRule(settings(WriteThenUpdateRule.ID, "minPairs", "1")));

        assertThat(eager.transaction(1).run(execution(INSERT_LINE), execution(SET_ORDER)).release().recommendations())
                .hasSize(1);
    }

    @Test
    void ignoresAnUpdateOfAnotherTable() {
        Fingerprint setCustomer = update("UPDATE orders SET customer_id = ? WHERE id = ?", "orders",
                List.of("customer_id"), List.of("id"));

        app.loop(3, INSERT_LINE, FLUSH).loop(3, setCustomer, FLUSH).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresAnUpdateOfSeveralColumns() {
        Fingerprint setOrderAndQuantity = update("UPDATE order_lines SET order_id = ?, quantity = ? WHERE id = ?",
                "order_lines", List.of("order_id", "quantity"), List.of("id"));

        app.loop(3, INSERT_LINE, FLUSH).loop(3, setOrderAndQuantity, FLUSH).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresAnUpdateOfAColumnThatIsNoKey() {
        Fingerprint setStatus = update("UPDATE order_lines SET status = ? WHERE id = ?", "order_lines",
                List.of("status"), List.of("id"));
        Fingerprint setPaid = update("UPDATE order_lines SET paid = ? WHERE id = ?", "order_lines",
                List.of("paid"), List.of("id"));

        app.loop(3, INSERT_LINE, FLUSH).loop(3, setStatus, FLUSH).loop(3, INSERT_LINE, FLUSH).loop(3, setPaid, FLUSH)
                .release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresAnUpdateByMoreThanOneColumn() {
        Fingerprint setOrderOfTenant = update("UPDATE order_lines SET order_id = ? WHERE id = ? AND tenant = ?",
                "order_lines", List.of("order_id"), List.of("id", "tenant"));

        app.loop(3, INSERT_LINE, FLUSH).loop(3, setOrderOfTenant, FLUSH).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresAnUpdateLongAfterTheInserts() {
        app.loop(3, INSERT_LINE, FLUSH).loop(11, PRODUCT, FLUSH).loop(3, SET_ORDER, FLUSH).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void readsMaxDistanceFromSettings() {
        UnitOfWorkScript patient = new UnitOfWorkScript(
                new WriteThenUpdateRule(settings(WriteThenUpdateRule.ID, "maxDistance", "20")));

        patient.loop(3, INSERT_LINE, FLUSH).loop(11, PRODUCT, FLUSH).loop(3, SET_ORDER, FLUSH).release();

        assertThat(patient.recommendations()).hasSize(1);
    }

    @Test
    void ignoresAnUpdateWithoutAnInsertBefore() {
        app.loop(5, SET_ORDER, FLUSH).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void pairsNoMoreUpdatesThanRowsInserted() {
        app.loop(3, INSERT_LINE, FLUSH).loop(7, SET_ORDER, FLUSH).release();

        assertThat(app.only().evidence()).containsEntry("pairs", 3L);
    }

    @Test
    void doesNotPairAcrossUnitsOfWork() {
        app.connection(1).transaction(1).loop(3, INSERT_LINE, FLUSH)
                .transaction(2).loop(3, SET_ORDER, FLUSH).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void countsTheRowsOfBatchesOnBothSides() {
        app.transaction(1).run(execution(INSERT_LINE).batch(20), execution(SET_ORDER).batch(20)).release();

        assertThat(app.only().evidence()).containsEntry("pairs", 20L);
    }

    @Test
    void suggestsOwningTheAssociationFromTheChildSide() {
        Recommendation r = placeOrder(app, 3).release().only();

        assertThat(r.suggestion().text()).contains("Write order_id in the INSERT",
                "3 rows of order_lines took two statements each", "unidirectional @OneToMany with @JoinColumn",
                "@ManyToOne on the child that owns order_id", "@OneToMany(mappedBy = \"order\")",
                "@JoinColumn(name = \"order_id\", nullable = false, updatable = false)");
        assertThat(r.suggestion().codeLanguage()).isEqualTo("java");
        assertThat(r.suggestion().code()).contains("private Order order;",
                "@OneToMany(mappedBy = \"order\", cascade = CascadeType.ALL, orphanRemoval = true)",
                "private List<OrderLines> orderLines");
    }

    @Test
    void gradesSeverityByTheTimeOfTheUpdates() {
        app.run(execution(INSERT_ORDER).millis(500));
        for (int i = 0; i < 10; i++) {
            app.run(execution(INSERT_LINE).millis(10), execution(SET_ORDER).millis(20));
        }

        Recommendation r = app.release().only();

        assertThat(r.impactMillis()).isEqualTo(200.0);
        assertThat(r.evidence()).containsEntry("shareOfStatementTimePercent", 25.0);
    }

    @Test
    void staysBoundedUnderAFloodOfTables() {
        WriteThenUpdateRule small = new WriteThenUpdateRule(settings(WriteThenUpdateRule.ID, "maxFingerprints", "3",
                "minPairs", "1"));
        UnitOfWorkScript script = new UnitOfWorkScript(small);
        for (int i = 0; i < 20; i++) {
            String table = "t" + i;
            script.run(execution(onTables("INSERT INTO " + table + " (id) VALUES (?)", table)),
                    execution(update("UPDATE " + table + " SET parent_id = ? WHERE id = ?", table,
                            List.of("parent_id"), List.of("id"))));
        }
        script.release();

        // 16 tables and 16 UPDATE shapes are followed per unit: 4 tables dropped, 4 UPDATEs left out
        assertThat(small.counters()).containsEntry("tablesOrUpdatesNotFollowed", 8L)
                .containsEntry("fingerprintsDropped", 13L);
        assertThat(small.fingerprintsTracked()).isEqualTo(3);
        assertThat(script.recommendations()).hasSize(3);
    }

    @Test
    void isRegisteredUnderItsId() {
        assertThat(RuleRegistry.ids()).contains("write-then-update");
        assertThat(RuleRegistry.enabledRules(Settings.empty())).anyMatch(r -> r instanceof WriteThenUpdateRule);
    }
}
