package io.queryadvisor.samples.springshop.service;

import io.queryadvisor.samples.springshop.repository.CustomerName;
import io.queryadvisor.samples.springshop.repository.CustomerRepository;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Lists of customers, by city. */
@Service
public class CustomerService {

    /** Customers in a list. */
    public static final int LIST_SIZE = 20;

    private final CustomerRepository customers;

    public CustomerService(CustomerRepository customers) {
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    public List<CustomerName> customersOfCity(String city) {
        // PLANTED: the list shows names, but loads Customer entities, and with each its EAGER
        // addresses: 1 SELECT for the customers, then 1 per customer (20) for addresses nobody reads.
        return customers.findByCityOrderByNameAscIdAsc(city, Limit.of(LIST_SIZE)).stream()
                .map(customer -> new CustomerName(customer.getId(), customer.getName()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<CustomerName> customerNamesOfCity(String city) {
        // A projection: one SELECT of id and name, no entity, so nothing EAGER comes along.
        return customers.findNamesByCity(city, Limit.of(LIST_SIZE));
    }
}
