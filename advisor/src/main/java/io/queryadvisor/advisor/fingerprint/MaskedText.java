package io.queryadvisor.advisor.fingerprint;

/** Normalised statement text, and how many literal values its masking replaced by {@code ?}. */
record MaskedText(String text, int literals) {
}
