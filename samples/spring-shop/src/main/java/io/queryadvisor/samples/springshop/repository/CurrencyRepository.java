package io.queryadvisor.samples.springshop.repository;

import io.queryadvisor.samples.springshop.domain.Currency;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface CurrencyRepository extends JpaRepository<Currency, String> {

    /**
     * A derived query, not {@code findById}: it runs its SELECT every time, even when the currency is
     * already in the persistence context (only lookups by id are answered from there).
     */
    Optional<Currency> findByCode(String code);
}
