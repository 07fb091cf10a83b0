package io.queryadvisor.agent.instrument;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

/**
 * One kind of class the agent instruments (data sources, drivers, servlets) and what it does to
 * them: the SPI of {@link AdviceTransformer}.
 */
public interface TypeTransformation {

    /** Whether {@code type}, described from its class file, is one of this kind. */
    boolean matches(TypeDescription type);

    /** {@code builder} with this kind's advice added; {@code loader} is the class's own. */
    DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader);
}
