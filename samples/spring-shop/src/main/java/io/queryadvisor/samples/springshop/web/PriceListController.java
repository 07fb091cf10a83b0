package io.queryadvisor.samples.springshop.web;

import io.queryadvisor.samples.springshop.service.PriceListService;
import io.queryadvisor.samples.springshop.service.PriceListService.Entry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Price lists in the customer's currency. */
@RestController
public class PriceListController {

    private final PriceListService priceLists;

    public PriceListController(PriceListService priceLists) {
        this.priceLists = priceLists;
    }

    /** Problem 3 (repeated identical query): the currency is looked up again for every product. */
    @GetMapping("/price-list")
    public List<Entry> priceList(@RequestParam String category, @RequestParam String currency) {
        return priceLists.priceList(category, currency);
    }

    /** Twin of problem 3: the currency is looked up once per request. */
    @GetMapping("/price-list/currency-once")
    public List<Entry> priceListReadingCurrencyOnce(@RequestParam String category, @RequestParam String currency) {
        return priceLists.priceListReadingCurrencyOnce(category, currency);
    }
}
