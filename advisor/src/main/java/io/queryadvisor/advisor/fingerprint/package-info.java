/**
 * Turns SQL text into a Fingerprint: the normalised statement (literals masked, IN lists
 * folded), its type and the SqlFacts rules need. JSqlParser within a bounded budget, with a
 * tokenizer fallback; each distinct text parsed once (FingerprintCache).
 */
package io.queryadvisor.advisor.fingerprint;
