package io.queryadvisor.agent.instrument;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * {@link DriverConnectAdvice} on the bridge method of a driver whose {@code connect} declares a
 * narrower return type, as MariaDB Connector/J 3.x does ({@code org.mariadb.jdbc.Connection
 * connect(String, Properties)}): the compiler adds a bridge {@code java.sql.Connection
 * connect(String, Properties)}, which is what DriverManager and pools call through the
 * {@code Driver} interface.
 *
 * <p>The advice has to go on the bridge: only there may it hand back our wrapper, which is a
 * {@code java.sql.Connection} but not the driver's own type. Byte Buddy never presents bridge
 * methods to method matchers, so this wrapper finds the bridge itself, by name, descriptor and
 * the {@code ACC_BRIDGE} flag, and applies the advice to it.
 */
final class DriverBridgeAdvice implements AsmVisitorWrapper {

    private static final String NAME = "connect";
    private static final String DESCRIPTOR = "(Ljava/lang/String;Ljava/util/Properties;)Ljava/sql/Connection;";

    private final Advice advice = Advice.to(DriverConnectAdvice.class);

    @Override
    public int mergeWriter(int flags) {
        return flags;
    }

    @Override
    public int mergeReader(int flags) {
        return flags;
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
                             Implementation.Context implementationContext, TypePool typePool,
                             FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods,
                             int writerFlags, int readerFlags) {
        return new ClassVisitor(OpenedClassReader.ASM_API, classVisitor) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (visitor == null || (access & Opcodes.ACC_BRIDGE) == 0 || (access & Opcodes.ACC_ABSTRACT) != 0
                        || !NAME.equals(name) || !DESCRIPTOR.equals(descriptor)) {
                    return visitor;
                }
                return advice.wrap(instrumentedType, bridge(instrumentedType, access), visitor, implementationContext,
                        typePool, writerFlags, readerFlags);
            }
        };
    }

    private static MethodDescription bridge(TypeDescription declaringType, int modifiers) {
        return new MethodDescription.Latent(declaringType, new MethodDescription.Token(NAME, modifiers, List.of(),
                generic(Connection.class),
                List.of(new ParameterDescription.Token(generic(String.class)),
                        new ParameterDescription.Token(generic(Properties.class))),
                List.of(generic(SQLException.class)), List.of(), null, TypeDescription.Generic.UNDEFINED));
    }

    private static TypeDescription.Generic generic(Class<?> type) {
        return TypeDescription.ForLoadedType.of(type).asGenericType();
    }
}
