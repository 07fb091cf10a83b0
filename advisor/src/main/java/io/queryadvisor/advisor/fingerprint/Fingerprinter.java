package io.queryadvisor.advisor.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** PLACEHOLDER until the JSqlParser fingerprinter lands: whitespace-normalised text only. */
public final class Fingerprinter {

    public Fingerprint fingerprint(String sql) {
        String text = sql.trim().replaceAll("\\s+", " ");
        String first = text.isEmpty() ? "" : text.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        StatementType type;
        try {
            type = StatementType.valueOf(first);
        } catch (IllegalArgumentException e) {
            type = StatementType.OTHER;
        }
        return new Fingerprint(idOf(text), text, type, false, SqlFacts.NONE);
    }

    static String idOf(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
