package io.queryadvisor.agent.instrument;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Class files made up for a test: a named class that declares one method with a body. */
final class ClassFiles {

    private ClassFiles() {
    }

    /**
     * The class file of {@code internalName}, a subclass of {@code Object} declaring one public method:
     * enough for the filter, which reads the constant pool and the method table (the method's code
     * attribute is left out: this class is never loaded).
     */
    static byte[] declaring(String internalName, String method, String descriptor) {
        return declaring(internalName, method, descriptor, false, false);
    }

    /**
     * As {@link #declaring(String, String, String)}, with the method's name held a second time at the
     * end of the constant pool (the method points at the first), or with a field before the method
     * whose one attribute claims a length beyond the file.
     */
    static byte[] declaring(String internalName, String method, String descriptor, boolean nameTwice,
                            boolean fieldWithBadAttribute) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0); // minor version
            out.writeShort(52); // Java 8
            out.writeShort(nameTwice ? 8 : 7); // constant pool count: entries 1 to 6 (or 7)
            utf8(out, method); // #1
            utf8(out, descriptor); // #2
            utf8(out, internalName); // #3
            out.writeByte(7); // #4 Class #3
            out.writeShort(3);
            utf8(out, "java/lang/Object"); // #5
            out.writeByte(7); // #6 Class #5
            out.writeShort(5);
            if (nameTwice) {
                utf8(out, method); // #7
            }
            out.writeShort(0x0021); // public super
            out.writeShort(4); // this class
            out.writeShort(6); // super class
            out.writeShort(0); // interfaces
            if (fieldWithBadAttribute) {
                out.writeShort(1); // fields
                out.writeShort(0x0001); // public
                out.writeShort(1); // its name and descriptor: any Utf8 entries do
                out.writeShort(2);
                out.writeShort(1); // one attribute
                out.writeShort(1);
                out.writeInt(0xFFFFFFFA); // of length -6
            } else {
                out.writeShort(0); // fields
            }
            out.writeShort(1); // methods
            out.writeShort(0x0001); // public
            out.writeShort(1);
            out.writeShort(2);
            out.writeShort(0); // its attributes
            out.writeShort(0); // the class's attributes
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void utf8(DataOutputStream out, String text) throws IOException {
        out.writeByte(1);
        out.writeUTF(text);
    }
}
