package io.queryadvisor.samples.springshop.db;

import java.util.List;

/**
 * What db/data.sql generates, for the traffic to pick parameters that exist: the sizes, the word
 * lists and the formulas of the generated values. The SQL is the source of the rows; this mirrors it
 * (arrays there are 1-based: {@code ARRAY[...][1 + g % 20]} here is {@code CITIES.get(g % 20)}).
 */
public final class ShopData {

    public static final int CUSTOMERS = 2_000;
    public static final int PRODUCTS = 50_000;
    /** Every customer has this many orders at start (the traffic only adds some). */
    public static final int ORDERS_PER_CUSTOMER = 10;

    public static final List<String> CITIES = List.of("Amsterdam", "Berlin", "Bologna", "Bordeaux", "Brno", "Cork",
            "Dresden", "Gdansk", "Ghent", "Graz", "Lille", "Lyon", "Malmo", "Porto", "Riga", "Seville", "Tampere",
            "Turin", "Utrecht", "Valencia");
    public static final List<String> CATEGORIES = List.of("books", "garden", "kitchen", "toys", "music", "sports",
            "tools", "office", "beauty", "games", "outdoor", "lighting", "bath", "pets", "baby", "travel", "health",
            "audio", "camera", "crafts");
    public static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN");

    private static final List<String> ADJECTIVES = List.of("Sturdy", "Compact", "Classic", "Deluxe", "Smart", "Silent",
            "Rugged", "Elegant", "Portable", "Vintage");
    private static final List<String> NOUNS = List.of("Lamp", "Kettle", "Backpack", "Chair", "Speaker", "Notebook",
            "Blender", "Jacket", "Clock", "Drill");

    private ShopData() {
    }

    /** The generated name of product {@code id}, unique: "Silent Speaker 12345". */
    public static String productName(long id) {
        return ADJECTIVES.get((int) (id % 10)) + " " + NOUNS.get((int) (id / 10 % 10)) + " " + String.format("%05d", id);
    }

    /** The generated SKU of product {@code id}: "SKU-012345". */
    public static String sku(long id) {
        return String.format("SKU-%06d", id);
    }
}
