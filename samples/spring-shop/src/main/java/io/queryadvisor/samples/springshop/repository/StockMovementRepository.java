package io.queryadvisor.samples.springshop.repository;

import io.queryadvisor.samples.springshop.domain.StockMovement;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StockMovementRepository extends JpaRepository<StockMovement, Long> {
}
