package io.queryadvisor.samples.springshop.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.util.List;

/** A customer of the shop, with a billing and a shipping address. */
@Entity
@Table(name = "customers")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String email;
    private String phone;
    private String city;

    @Column(name = "currency_code")
    private String currencyCode;

    @Column(name = "loyalty_points")
    private int loyaltyPoints;

    private String notes;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    // PLANTED: an EAGER collection. Every query that returns customers loads their addresses too, one
    // SELECT per customer after the query, whether or not the caller looks at them; the customer
    // list of CustomerService.customersOfCity shows names only. LAZY (the default) is the fix.
    @OneToMany(mappedBy = "customer", fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<Address> addresses;

    protected Customer() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getCity() {
        return city;
    }

    public String getCurrencyCode() {
        return currencyCode;
    }

    public List<Address> getAddresses() {
        return addresses;
    }
}
