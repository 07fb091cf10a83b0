package io.queryadvisor.samples.springshop.web;

import io.queryadvisor.samples.springshop.repository.ProductQuantity;
import io.queryadvisor.samples.springshop.service.DeliveryService;
import io.queryadvisor.samples.springshop.service.DeliveryService.Receipt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Goods received into the warehouse. */
@RestController
public class DeliveryController {

    private final DeliveryService deliveries;

    public DeliveryController(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    /** Problem 8 (unbatched writes): one INSERT per product delivered. */
    @PostMapping("/deliveries")
    public Receipt recordDelivery(@RequestBody NewDelivery delivery) {
        return deliveries.recordOneByOne(Requests.nonEmpty("lines", delivery.lines()));
    }

    /** Twin of problem 8: the same rows in one JDBC batch. */
    @PostMapping("/deliveries/batched")
    public Receipt recordDeliveryInBatches(@RequestBody NewDelivery delivery) {
        return deliveries.recordInBatches(Requests.nonEmpty("lines", delivery.lines()));
    }

    /** The body of POST /deliveries. */
    public record NewDelivery(List<ProductQuantity> lines) {
    }
}
