package io.queryadvisor.samples.springshop.repository;

import io.queryadvisor.samples.springshop.domain.Order;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

public interface OrderRepository extends JpaRepository<Order, Long> {

    /** The customer's latest orders, without their lines (those load lazily, when first used). */
    List<Order> findByCustomerIdOrderByCreatedAtDescIdDesc(long customerId, Limit limit);

    /** The ids of the customer's latest orders: the page is cut in SQL, on orders alone. */
    @Query("select o.id from Order o where o.customerId = :customerId order by o.createdAt desc, o.id desc")
    List<Long> findLatestIds(long customerId, Limit limit);

    /**
     * These orders with their lines, in one SELECT (a LEFT JOIN). Fetching a collection and cutting
     * a page in the same query would make Hibernate cut it in memory, hence the two steps.
     */
    @EntityGraph(attributePaths = "lines")
    List<Order> findWithLinesByIdInOrderByCreatedAtDescIdDesc(Collection<Long> ids);
}
