package io.queryadvisor.samples.springshop.repository;

import io.queryadvisor.samples.springshop.domain.Customer;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** Whole entities: with them come their EAGER addresses, one SELECT per customer. */
    List<Customer> findByCityOrderByNameAscIdAsc(String city, Limit limit);

    /** Only the two columns a list needs, in one SELECT; no entity, so no addresses. */
    @Query("select new io.queryadvisor.samples.springshop.repository.CustomerName(c.id, c.name)"
            + " from Customer c where c.city = :city order by c.name, c.id")
    List<CustomerName> findNamesByCity(String city, Limit limit);
}
