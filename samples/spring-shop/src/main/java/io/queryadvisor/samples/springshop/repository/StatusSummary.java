package io.queryadvisor.samples.springshop.repository;

import java.math.BigDecimal;

/** A customer's orders in one status: how many, and what they are worth. */
public record StatusSummary(String status, long orders, BigDecimal revenue) {
}
