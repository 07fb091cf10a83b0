package io.queryadvisor.samples.springshop.web;

import io.queryadvisor.samples.springshop.repository.OrderReportRepository;
import io.queryadvisor.samples.springshop.repository.StatusSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The back office's reports. */
@RestController
public class ReportController {

    private final OrderReportRepository reports;

    public ReportController(OrderReportRepository reports) {
        this.reports = reports;
    }

    /** Problem 10 (slow query): a customer's orders by status, in 150 ms and more. */
    @GetMapping("/reports/order-summary")
    public List<StatusSummary> orderSummary(@RequestParam long customer) {
        return reports.summarizeSlowly(customer);
    }

    /** Twin of problem 10: the same report in about a millisecond. */
    @GetMapping("/reports/order-summary/fast")
    public List<StatusSummary> orderSummaryFast(@RequestParam long customer) {
        return reports.summarize(customer);
    }
}
