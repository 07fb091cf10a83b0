package io.queryadvisor.advisor.rules.missingindex;

import static io.queryadvisor.advisor.rules.missingindex.ColumnCondition.Kind.EQUALITY;
import static io.queryadvisor.advisor.rules.missingindex.ColumnCondition.Kind.PREFIX_LIKE;
import static io.queryadvisor.advisor.rules.missingindex.ColumnCondition.Kind.RANGE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the conditions an index could serve out of the filters PostgreSQL and MariaDB print. */
class FilterConditionsTest {

    @Test
    void readsAnEqualityOnACastColumn() {
        assertThat(FilterConditions.read("((email)::text = 'customer7@example.com'::text)"))
                .containsExactly(new ColumnCondition("email", EQUALITY));
    }

    @Test
    void readsEveryPartOfAConjunctionInOrder() {
        assertThat(FilterConditions.read("((k = $1) AND (id > 99000) AND (o.status = ANY ('{NEW,PAID}'::text[])))"))
                .containsExactly(new ColumnCondition("k", EQUALITY), new ColumnCondition("id", RANGE),
                        new ColumnCondition("status", EQUALITY));
    }

    @Test
    void readsAPrefixLikeAndNoOtherPattern() {
        assertThat(FilterConditions.read("((name)::text ~~ 'Smi%'::text)"))
                .containsExactly(new ColumnCondition("name", PREFIX_LIKE));
        assertThat(FilterConditions.read("((name)::text ~~ '%son'::text)")).isEmpty();
    }

    @Test
    void readsNothingOfADisjunction() {
        assertThat(FilterConditions.read("((k = 1) OR (g = 2))")).isEmpty();
    }

    @Test
    void skipsAComparisonOfTwoColumns() {
        assertThat(FilterConditions.read("((o.customer_id = c.id) AND (c.k = 5))"))
                .containsExactly(new ColumnCondition("k", EQUALITY));
    }

    @Test
    void keepsAValueWithAndInsideItsQuotesWhole() {
        assertThat(FilterConditions.read("((name = 'salt and pepper'::text) AND (g = 3))"))
                .containsExactly(new ColumnCondition("name", EQUALITY), new ColumnCondition("g", EQUALITY));
    }

    @Test
    void readsMariaDbsAttachedCondition() {
        assertThat(FilterConditions.read("`test_index`.`orders`.`k` = 42 and `test_index`.`orders`.`name` like 'ab%'"))
                .containsExactly(new ColumnCondition("k", EQUALITY), new ColumnCondition("name", PREFIX_LIKE));
    }

    @Test
    void readsTheJoinColumnOfTheScannedSide() {
        assertThat(FilterConditions.joinColumn("(l.order_id = o.id)", "l")).isEqualTo("order_id");
        assertThat(FilterConditions.joinColumn("((o.id = l.order_id) AND (o.k = l.k))", "l")).isEqualTo("order_id");
        assertThat(FilterConditions.joinColumn("(l.order_id = o.id)", "o")).isEqualTo("id");
    }

    @Test
    void readsNoJoinColumnOfAnotherComparisonOrAnotherTable() {
        assertThat(FilterConditions.joinColumn("(l.order_id > o.id)", "l")).isNull();
        assertThat(FilterConditions.joinColumn("(a.x = b.y)", "l")).isNull();
        assertThat(FilterConditions.joinColumn("(l.order_id = 5)", "l")).isNull();
    }
}
