package io.queryadvisor.samples.springshop.web;

import io.queryadvisor.samples.springshop.repository.Contact;
import io.queryadvisor.samples.springshop.repository.ContactRepository;
import io.queryadvisor.samples.springshop.repository.CustomerName;
import io.queryadvisor.samples.springshop.service.CustomerService;
import io.queryadvisor.samples.springshop.service.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Customer lists and contact details. */
@RestController
public class CustomerController {

    private final CustomerService customers;
    private final ContactRepository contacts;

    public CustomerController(CustomerService customers, ContactRepository contacts) {
        this.customers = customers;
        this.contacts = contacts;
    }

    /** Problem 2 (EAGER collection): customer names, loaded as entities with their addresses. */
    @GetMapping("/customers")
    public List<CustomerName> customersOfCity(@RequestParam String city) {
        return customers.customersOfCity(city);
    }

    /** Twin of problem 2: the same names from a projection. */
    @GetMapping("/customers/names")
    public List<CustomerName> customerNamesOfCity(@RequestParam String city) {
        return customers.customerNamesOfCity(city);
    }

    /** Problem 9 (SELECT *): a customer's name and e-mail, read with SELECT *. */
    @GetMapping("/customers/{id}/contact")
    public Contact contact(@PathVariable long id) {
        return contacts.findContactSelectingAllColumns(id).orElseThrow(() -> new NotFoundException("customer " + id));
    }

    /** Twin of problem 9: the same, selecting the two columns. */
    @GetMapping("/customers/{id}/contact/named-columns")
    public Contact contactSelectingNamedColumns(@PathVariable long id) {
        return contacts.findContact(id).orElseThrow(() -> new NotFoundException("customer " + id));
    }
}
