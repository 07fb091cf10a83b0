package io.queryadvisor.samples.springshop.repository;

import io.queryadvisor.samples.springshop.domain.OrderLine;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrderLineRepository extends JpaRepository<OrderLine, Long> {

    /** Units of a product in orders not yet paid. */
    @Query("select coalesce(sum(l.quantity), 0) from OrderLine l where l.productId = :productId and l.order.status = 'NEW'")
    long sumReservedQuantity(long productId);
}
