package io.queryadvisor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Supplier;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.samples.petclinic.owner.OwnerRepository;

import io.queryadvisor.capture.CallSiteFilter.FrameKind;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;

/** How the call-site filter judges one class: by its code source first, by name only as a fallback. */
class CallSiteFilterTest {

    private final CallSiteFilter filter = new CallSiteFilter(List.of(), List.of());

    @Test
    void aClassFromTheApplicationsClassesDirectoryIsApplicationCodeWhateverItsPackage() {
        assertThat(filter.kindOf(OwnerRepository.class)).isEqualTo(FrameKind.APPLICATION);
    }

    @Test
    void aClassFromALibraryJarIsNot() {
        assertThat(filter.kindOf(Assertions.class)).isEqualTo(FrameKind.MEANINGFUL);
    }

    @Test
    void theJdkIsPlumbing() {
        assertThat(filter.kindOf(String.class)).isEqualTo(FrameKind.PLUMBING);
    }

    @Test
    void aJdkProxyIsNeverACallSite() {
        Object proxy = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Supplier.class},
                (self, method, args) -> null);

        assertThat(filter.kindOf(proxy.getClass())).isEqualTo(FrameKind.PLUMBING);
    }

    @Test
    void aLambdasHiddenClassIsNeverACallSite() {
        Supplier<String> lambda = () -> "x";

        assertThat(filter.kindOf(lambda.getClass())).isEqualTo(FrameKind.PLUMBING);
    }

    @Test
    void aCglibSubclassOfAnApplicationClassIsNeverACallSite() {
        assertThat(filter.kindOf(generatedSubclass("$$SpringCGLIB$$0"))).isEqualTo(FrameKind.PLUMBING);
    }

    @Test
    void aHibernateProxyOfAnApplicationClassIsNeverACallSite() {
        assertThat(filter.kindOf(generatedSubclass("$HibernateProxy$x1Y2z3"))).isEqualTo(FrameKind.PLUMBING);
    }

    @Test
    void anIncludedPrefixWinsOverTheJdksAndTheFallbacksNames() {
        CallSiteFilter including = new CallSiteFilter(List.of("org.assertj.core.api."), List.of());

        assertThat(including.kindOf(Assertions.class)).isEqualTo(FrameKind.APPLICATION);
    }

    /** A subclass of an application class, generated with the application's code source, as CGLIB and Hibernate do. */
    private static Class<?> generatedSubclass(String suffix) {
        return new ByteBuddy().subclass(OwnerRepository.class)
                .name(OwnerRepository.class.getName() + suffix)
                .make()
                .load(OwnerRepository.class.getClassLoader(),
                        ClassLoadingStrategy.Default.WRAPPER.with(OwnerRepository.class.getProtectionDomain()))
                .getLoaded();
    }
}
