package io.queryadvisor.capture.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

class WrapperClassesTest {

    @Test
    void theBuildWritesEveryWrapperAsAClassFileOfItsPackage() {
        for (Class<?> base : WrapperClasses.BASES) {
            String file = WrapperClasses.nameOf(base).substring(base.getPackageName().length() + 1) + ".class";
            assertThat(base.getResource(file)).as(file).isNotNull();
        }
    }

    @Test
    void theBuildsWrappersLoadOnJava17() throws Exception {
        for (Class<?> base : WrapperClasses.BASES) {
            String file = WrapperClasses.nameOf(base).substring(base.getPackageName().length() + 1) + ".class";
            try (var in = base.getResourceAsStream(file)) {
                byte[] header = in.readNBytes(8);
                int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
                assertThat(major).as(file).isEqualTo(61);
            }
        }
    }

    @Test
    void theBuildsWrappersDeclareWhatTheGeneratorMakesNow() throws Exception {
        // what run time would generate without them, and proof that the jar's are not stale
        for (Class<?> base : WrapperClasses.BASES) {
            Set<String> built = Arrays.stream(Class.forName(WrapperClasses.nameOf(base)).getDeclaredMethods())
                    .map(m -> m.getName() + MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                            .toMethodDescriptorString())
                    .collect(Collectors.toSet());
            try (var made = WrapperClasses.make(new ByteBuddy(ClassFileVersion.JAVA_V17), base)) {
                Set<String> now = methodsOf(made.getBytes());
                assertThat(built).as(base.getName()).isEqualTo(now);
            }
        }
    }

    @Test
    void aWrapperDelegatesEveryMethodItsBaseLeavesAbstract() throws Exception {
        for (Class<?> base : WrapperClasses.BASES) {
            Class<?> wrapper = Class.forName(WrapperClasses.nameOf(base));
            assertThat(Arrays.stream(wrapper.getMethods()).filter(m -> Modifier.isAbstract(m.getModifiers()))
                    .map(Method::toString)).as(wrapper.getName()).isEmpty();
        }
    }

    /** The methods (name and descriptor) a class file declares, constructors aside. */
    private static Set<String> methodsOf(byte[] classFile) {
        Set<String> methods = new HashSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (!name.equals("<init>")) {
                    methods.add(name + descriptor);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE);
        return methods;
    }
}
