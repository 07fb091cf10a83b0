package io.queryadvisor.samples.springshop.service;

import io.queryadvisor.samples.springshop.domain.Currency;
import io.queryadvisor.samples.springshop.domain.Product;
import io.queryadvisor.samples.springshop.repository.CurrencyRepository;
import io.queryadvisor.samples.springshop.repository.ProductRepository;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A category's price list, in the currency the customer chose. */
@Service
public class PriceListService {

    /** Products on a price list. */
    public static final int ENTRIES = 7;

    private final ProductRepository products;
    private final CurrencyRepository currencies;

    public PriceListService(ProductRepository products, CurrencyRepository currencies) {
        this.products = products;
        this.currencies = currencies;
    }

    @Transactional(readOnly = true)
    public List<Entry> priceList(String category, String currencyCode) {
        List<Entry> entries = new ArrayList<>();
        for (Product product : products.findByCategoryOrderById(category, Limit.of(ENTRIES))) {
            // PLANTED: the same reference lookup for every row: 7 identical SELECTs (same SQL, same
            // bind) in one request, where the currency could be read once before the loop.
            Currency currency = currencies.findByCode(currencyCode).orElseThrow(() -> new NotFoundException("currency " + currencyCode));
            entries.add(Entry.of(product, currency));
        }
        return entries;
    }

    @Transactional(readOnly = true)
    public List<Entry> priceListReadingCurrencyOnce(String category, String currencyCode) {
        Currency currency = currencies.findByCode(currencyCode).orElseThrow(() -> new NotFoundException("currency " + currencyCode));
        return products.findByCategoryOrderById(category, Limit.of(ENTRIES)).stream()
                .map(product -> Entry.of(product, currency))
                .toList();
    }

    /** A product's price in a currency. */
    public record Entry(long productId, String name, BigDecimal price, String currency) {

        static Entry of(Product product, Currency currency) {
            return new Entry(product.getId(), product.getName(), currency.fromEuros(product.getPrice()), currency.getCode());
        }
    }
}
