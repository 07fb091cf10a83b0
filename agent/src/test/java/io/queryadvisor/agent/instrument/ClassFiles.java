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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0); // minor version
            out.writeShort(52); // Java 8
            out.writeShort(7); // constant pool count: entries 1 to 6
            utf8(out, method); // #1
            utf8(out, descriptor); // #2
            utf8(out, internalName); // #3
            out.writeByte(7); // #4 Class #3
            out.writeShort(3);
            utf8(out, "java/lang/Object"); // #5
            out.writeByte(7); // #6 Class #5
            out.writeShort(5);
            out.writeShort(0x0021); // public super
            out.writeShort(4); // this class
            out.writeShort(6); // super class
            out.writeShort(0); // interfaces
            out.writeShort(0); // fields
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
