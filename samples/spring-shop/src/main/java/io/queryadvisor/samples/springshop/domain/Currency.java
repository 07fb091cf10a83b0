package io.queryadvisor.samples.springshop.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A currency prices can be shown in; a reference table of 8 rows. */
@Entity
@Table(name = "currencies")
public class Currency {

    @Id
    private String code;

    private String name;

    /** Units of this currency per euro (the shop's prices are in euros). */
    @Column(name = "eur_rate")
    private BigDecimal eurRate;

    protected Currency() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    /** {@code euros} in this currency, to the cent. */
    public BigDecimal fromEuros(BigDecimal euros) {
        return euros.multiply(eurRate).setScale(2, RoundingMode.HALF_EVEN);
    }
}
