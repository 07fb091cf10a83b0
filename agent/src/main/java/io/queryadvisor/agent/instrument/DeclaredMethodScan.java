package io.queryadvisor.agent.instrument;

import java.nio.charset.StandardCharsets;

/**
 * Whether a class file declares, with a body, one of the methods the agent instruments, read from
 * its bytes as the class file format lays them out (JVMS §4): the constant pool is walked entry by
 * entry, skipping each by its length; only a class whose pool holds one of the names has its field
 * and method tables walked, and only a method of that name has its descriptor read. No class is
 * loaded and nothing is allocated, so it can run for every class the application loads.
 *
 * <p>The test is exact where the old one (a name and a type anywhere in the pool) was not: a class
 * that only <em>calls</em> {@code dataSource.getConnection()}, as every repository and template
 * does, holds the same name and type in its pool, but declares no such method and is not a
 * candidate. Anything this reader does not understand (a truncated file, a constant-pool tag from a
 * later JDK) answers "maybe", and Byte Buddy decides as it would without the filter.
 */
final class DeclaredMethodScan {

    private static final int ACC_ABSTRACT = 0x0400;

    private static final byte[] GET_CONNECTION = utf8("getConnection");
    private static final byte[] CONNECT = utf8("connect");
    private static final byte[] SERVICE = utf8("service");
    /** Every instrumented JDBC method returns a connection (a narrower return type is reached through its bridge). */
    private static final byte[] RETURNS_CONNECTION = utf8(")Ljava/sql/Connection;");
    private static final byte[][] SERVICE_DESCRIPTORS = {
        utf8("(Ljakarta/servlet/http/HttpServletRequest;Ljakarta/servlet/http/HttpServletResponse;)V"),
        utf8("(Ljavax/servlet/http/HttpServletRequest;Ljavax/servlet/http/HttpServletResponse;)V")};

    private static final int NOT_FOUND = 0; // constant-pool index 0 is never an entry

    private DeclaredMethodScan() {
    }

    /** Whether {@code classFile} declares a non-abstract method the agent instruments; {@code true} when unsure. */
    static boolean declaresInstrumentedMethod(byte[] classFile) {
        try {
            return scan(classFile);
        } catch (ArrayIndexOutOfBoundsException e) {
            return true; // truncated or not a class file: not ours to judge
        }
    }

    private static boolean scan(byte[] b) {
        if (u2(b, 0) != 0xCAFE || u2(b, 2) != 0xBABE) {
            return true; // not a class file (an instrumentation agent ahead of us may hand over anything)
        }
        int count = u2(b, 8);
        int jdbcName1 = NOT_FOUND; // getConnection
        int jdbcName2 = NOT_FOUND; // connect
        int serviceName = NOT_FOUND;
        int pos = 10;
        for (int index = 1; index < count; index++) {
            int tag = b[pos];
            if (tag == 1) {
                int length = u2(b, pos + 1);
                // A name held twice (no compiler writes that, another tool may) could be the one a
                // method points at while we kept the other: "maybe", rather than a class lost.
                if (equalsAt(b, pos + 3, length, GET_CONNECTION)) {
                    if (jdbcName1 != NOT_FOUND) {
                        return true;
                    }
                    jdbcName1 = index;
                } else if (equalsAt(b, pos + 3, length, CONNECT)) {
                    if (jdbcName2 != NOT_FOUND) {
                        return true;
                    }
                    jdbcName2 = index;
                } else if (equalsAt(b, pos + 3, length, SERVICE)) {
                    if (serviceName != NOT_FOUND) {
                        return true;
                    }
                    serviceName = index;
                }
                pos += 3 + length;
            } else {
                int size = constantSize(tag);
                if (size < 0) {
                    return true; // a constant this reader does not know: Byte Buddy decides
                }
                pos += size;
                if (tag == 5 || tag == 6) {
                    index++; // a long or a double takes two entries
                }
            }
        }
        if (jdbcName1 == NOT_FOUND && jdbcName2 == NOT_FOUND && serviceName == NOT_FOUND) {
            return false; // the common case: one walk over the pool, nothing else read
        }
        pos += 6; // access flags, this class, super class
        pos += 2 + 2 * u2(b, pos); // interfaces
        pos = skipMembers(b, pos); // fields
        int methods = u2(b, pos);
        pos += 2;
        for (int m = 0; m < methods; m++) {
            int access = u2(b, pos);
            int name = u2(b, pos + 2);
            int descriptor = u2(b, pos + 4);
            if ((access & ACC_ABSTRACT) == 0 && name != NOT_FOUND) {
                if ((name == jdbcName1 || name == jdbcName2) && utf8EndsWith(b, descriptor, RETURNS_CONNECTION)) {
                    return true;
                }
                if (name == serviceName && (utf8Equals(b, descriptor, SERVICE_DESCRIPTORS[0])
                        || utf8Equals(b, descriptor, SERVICE_DESCRIPTORS[1]))) {
                    return true;
                }
            }
            pos = skipAttributes(b, pos + 6);
        }
        return false;
    }

    /** The bytes a constant of {@code tag} takes, tag included; -1 for a tag this reader does not know. */
    private static int constantSize(int tag) {
        return switch (tag) {
            case 7, 8, 16, 19, 20 -> 3; // Class, String, MethodType, Module, Package
            case 15 -> 4; // MethodHandle
            case 3, 4, 9, 10, 11, 12, 17, 18 -> 5; // Integer, Float, the refs, NameAndType, Dynamic, InvokeDynamic
            case 5, 6 -> 9; // Long, Double
            default -> -1;
        };
    }

    /** Skips a fields or methods table starting at its count; returns the position after it. */
    private static int skipMembers(byte[] b, int pos) {
        int members = u2(b, pos);
        pos += 2;
        for (int i = 0; i < members; i++) {
            pos = skipAttributes(b, pos + 6);
        }
        return pos;
    }

    /** Skips an attributes table starting at its count; returns the position after it. */
    private static int skipAttributes(byte[] b, int pos) {
        int attributes = u2(b, pos);
        pos += 2;
        for (int i = 0; i < attributes; i++) {
            int length = u4(b, pos + 2);
            if (length < 0 || length > b.length - pos - 6) {
                throw new ArrayIndexOutOfBoundsException("attribute length " + length + " beyond the class file");
            }
            pos += 6 + length;
        }
        return pos;
    }

    private static boolean utf8Equals(byte[] b, int index, byte[] expected) {
        int entry = entryOffset(b, index);
        return entry > 0 && b[entry] == 1 && equalsAt(b, entry + 3, u2(b, entry + 1), expected);
    }

    private static boolean utf8EndsWith(byte[] b, int index, byte[] suffix) {
        int entry = entryOffset(b, index);
        if (entry <= 0 || b[entry] != 1) {
            return false;
        }
        int length = u2(b, entry + 1);
        return length >= suffix.length && equalsAt(b, entry + 3 + length - suffix.length, suffix.length, suffix);
    }

    /**
     * Where constant {@code wanted} starts, walking the pool again: only a class that holds one of the
     * names gets here, and only for the one or two methods of that name.
     */
    private static int entryOffset(byte[] b, int wanted) {
        int count = u2(b, 8);
        int pos = 10;
        for (int index = 1; index < count; index++) {
            if (index == wanted) {
                return pos;
            }
            int tag = b[pos];
            int size = tag == 1 ? 3 + u2(b, pos + 1) : constantSize(tag);
            if (size < 0) {
                return -1;
            }
            pos += size;
            if (tag == 5 || tag == 6) {
                index++;
            }
        }
        return -1;
    }

    private static boolean equalsAt(byte[] b, int offset, int length, byte[] expected) {
        if (length != expected.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (b[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u2(byte[] b, int pos) {
        return (b[pos] & 0xFF) << 8 | b[pos + 1] & 0xFF;
    }

    private static int u4(byte[] b, int pos) {
        return (b[pos] & 0xFF) << 24 | (b[pos + 1] & 0xFF) << 16 | (b[pos + 2] & 0xFF) << 8 | b[pos + 3] & 0xFF;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
