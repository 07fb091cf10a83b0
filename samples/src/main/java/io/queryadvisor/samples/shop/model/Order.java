package io.queryadvisor.samples.shop.model;

import java.time.LocalDateTime;

/** An order header, without its lines. */
public record Order(long id, long customerId, String status, LocalDateTime createdAt) {
}
