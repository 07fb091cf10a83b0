package io.queryadvisor.samples.springshop.repository;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** Customers' contact details, read with plain SQL. */
@Repository
public class ContactRepository {

    private static final RowMapper<Contact> CONTACT = (rs, row) -> new Contact(rs.getString("name"), rs.getString("email"));

    private final JdbcTemplate jdbc;

    public ContactRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Contact> findContactSelectingAllColumns(long customerId) {
        // PLANTED: SELECT * reads all 9 columns of customers, notes included, for the 2 the mapper uses.
        return jdbc.query("SELECT * FROM customers WHERE id = ?", CONTACT, customerId).stream().findFirst();
    }

    public Optional<Contact> findContact(long customerId) {
        return jdbc.query("SELECT name, email FROM customers WHERE id = ?", CONTACT, customerId).stream().findFirst();
    }
}
