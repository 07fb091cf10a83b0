package io.queryadvisor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.example.ExampleRepository;
import org.springframework.samples.petclinic.owner.OwnerRepository;

import io.queryadvisor.advisor.capture.CallSite;

/** Which frame a walk names: the application's own code, found by where its class came from. */
class CallSiteWalkTest {

    @Test
    void anApplicationClassInAFrameworkVendorsPackageIsTheCallSite() {
        CallSite site = new OwnerRepository().findOwners(sampler(List.of(), List.of())::walk);

        assertThat(site.application()).isTrue();
        assertThat(site.toString()).startsWith(OwnerRepository.class.getName() + ".findOwners(OwnerRepository.java:");
    }

    @Test
    void aFrameworkDataAccessPackageIsNoCallSiteEvenInTheApplicationsClassesDirectory() {
        CallSite site = new ExampleRepository().run(sampler(List.of(), List.of())::walk);

        assertThat(site.application()).isFalse();
        assertThat(site.className()).isEqualTo(ExampleRepository.class.getName());
    }

    @Test
    void anIncludedPackageIsTheCallSiteWhateverElseSaysOtherwise() {
        CallSite site = new ExampleRepository().run(sampler(List.of("org.springframework.data.example."), List.of())::walk);

        assertThat(site.application()).isTrue();
        assertThat(site.className()).isEqualTo(ExampleRepository.class.getName());
    }

    @Test
    void anExcludedPackageIsNoCallSite() {
        CallSite site = new OwnerRepository().findOwners(sampler(List.of(), List.of("org.springframework.samples."))::walk);

        assertThat(site.application()).isFalse();
        assertThat(site.className()).isEqualTo(OwnerRepository.class.getName());
    }

    @Test
    void withoutAnApplicationFrameTheNearestLibraryFrameIsNamedAndSaidToBeNoApplicationCode() {
        // This test's own frames are Query Advisor's (io.queryadvisor.capture): below them are only
        // the JDK's reflection and JUnit's frames, from library jars.
        CallSite site = sampler(List.of(), List.of()).walk();

        assertThat(site.application()).isFalse();
        assertThat(site.className()).startsWith("org.junit.");
        assertThat(site.toString()).startsWith("no application frame, nearest: org.junit.").doesNotContain("?");
    }

    @Test
    void aStackOfOnlyTheJdkAndQueryAdvisorSaysSoInWords() throws InterruptedException {
        CallSiteSampler sampler = sampler(List.of(), List.of());
        CallSite[] site = new CallSite[1];
        Thread thread = new Thread(() -> site[0] = sampler.walk());
        thread.start();
        thread.join();

        assertThat(site[0]).isEqualTo(CallSite.NO_FRAME);
        assertThat(site[0].toString()).isEqualTo("no application frame (only the JDK's and Query Advisor's)");
    }

    private static CallSiteSampler sampler(List<String> include, List<String> exclude) {
        return new CallSiteSampler(new CallSiteFilter(include, exclude), 0, 1, Long.MAX_VALUE, 0);
    }
}
