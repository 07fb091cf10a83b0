package io.queryadvisor.samples.shop.model;

import java.math.BigDecimal;

/** One row of the "top customers" report: what a customer has spent over all their orders. */
public record CustomerRevenue(long customerId, String name, BigDecimal revenue) {
}
