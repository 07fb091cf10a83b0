package io.queryadvisor.capture.jdbc;

import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * What the capture layer may do with a value the application binds: hash it, and copy it for a
 * bind sample. Both without ever running the application's code: a value's own {@code hashCode()}
 * or {@code equals()} may be slow, throw, or recurse for ever (a list that contains itself), and
 * must behave exactly as if Query Advisor were not there.
 *
 * <p>So only values of types known to be immutable and whose hashing is the JDK's own are hashed and
 * copied by value: boxed primitives, {@code String}, {@code BigDecimal} and {@code BigInteger},
 * {@code UUID}, the {@code java.time} types, {@code java.sql} dates and times, enums (by name) and
 * {@code byte[]} (by contents). A subclass of any of these is not known. Other values hash by their
 * class's name (so a loop binding different entities looks like repeats) and are never copied.
 */
final class BindValues {

    /** Bytes hashed of a {@code byte[]}: enough to tell keys apart, bounded for blobs. */
    static final int MAX_HASHED_BYTES = 1024;
    /** Larger arrays are not copied into a sample: they would say nothing to a query plan, and cost memory. */
    static final int MAX_SAMPLED_BYTES = 1024;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private enum Kind { VALUE, SQL_DATE, TIMESTAMP, ENUM, BYTES, UNKNOWN }

    /** Decided once per class (ClassValue keeps it with the class: nothing here pins a class loader). */
    private static final ClassValue<Kind> KINDS = new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            return kindOf(type);
        }
    };

    private BindValues() {
    }

    static long hashLong(long value) {
        return value * GOLDEN;
    }

    static long hashDouble(double value) {
        return Double.doubleToLongBits(value) * GOLDEN + 1;
    }

    static long hashBoolean(boolean value) {
        return value ? 3 : 5;
    }

    static long hashNull() {
        return 11;
    }

    /** Equal values of known types hash alike; nothing of the application's runs. */
    static long hash(Object value) {
        if (value instanceof String text) {
            return ((long) text.hashCode() + 7) * GOLDEN; // final class, hash cached in the string
        }
        if (value == null) {
            return hashNull();
        }
        int h = switch (KINDS.get(value.getClass())) {
            case VALUE -> value.hashCode();
            case SQL_DATE -> Long.hashCode(((java.util.Date) value).getTime());
            case TIMESTAMP -> Long.hashCode(((Timestamp) value).getTime()) * 31 + ((Timestamp) value).getNanos();
            case ENUM -> ((Enum<?>) value).name().hashCode();
            case BYTES -> bytesHash((byte[]) value);
            case UNKNOWN -> value.getClass().getName().hashCode();
        };
        return ((long) h + 7) * GOLDEN;
    }

    /** A copy of {@code value} that no later change by the application can reach, or {@code null} for an unknown type. */
    static Object immutableCopy(Object value) {
        if (value == null || value instanceof String) {
            return value;
        }
        return switch (KINDS.get(value.getClass())) {
            case VALUE, ENUM -> value;
            case SQL_DATE -> copyOfDate((java.util.Date) value);
            case TIMESTAMP -> copyOfTimestamp((Timestamp) value);
            case BYTES -> ((byte[]) value).length > MAX_SAMPLED_BYTES ? null : ((byte[]) value).clone();
            case UNKNOWN -> null;
        };
    }

    private static int bytesHash(byte[] bytes) {
        int n = Math.min(bytes.length, MAX_HASHED_BYTES);
        int h = bytes.length;
        for (int i = 0; i < n; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    private static Object copyOfDate(java.util.Date date) {
        return date instanceof Time ? new Time(date.getTime()) : new java.sql.Date(date.getTime());
    }

    private static Timestamp copyOfTimestamp(Timestamp timestamp) {
        Timestamp copy = new Timestamp(timestamp.getTime());
        copy.setNanos(timestamp.getNanos());
        return copy;
    }

    private static Kind kindOf(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == Double.class || type == Float.class || type == Boolean.class || type == Character.class
                || type == BigDecimal.class || type == BigInteger.class || type == UUID.class
                || isJavaTimeValue(type)) {
            return Kind.VALUE;
        }
        if (type == java.sql.Date.class || type == Time.class) {
            return Kind.SQL_DATE;
        }
        if (type == Timestamp.class) {
            return Kind.TIMESTAMP;
        }
        if (type == byte[].class) {
            return Kind.BYTES;
        }
        // an enum constant with a body is a subclass of its enum; name() is final in Enum
        return Enum.class.isAssignableFrom(type) ? Kind.ENUM : Kind.UNKNOWN;
    }

    /** LocalDate, Instant, Duration, ZonedDateTime...: final, immutable, hashed by value; loaded by the JDK. */
    private static boolean isJavaTimeValue(Class<?> type) {
        return type.getClassLoader() == null && type.getPackageName().equals("java.time")
                && Modifier.isFinal(type.getModifiers());
    }
}
