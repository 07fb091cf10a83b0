package io.queryadvisor.e2e;

/** The Spring shop end to end on the JDK the tests run on (17, or {@code QUERYADVISOR_TEST_JDK17}). */
class SpringShopOnBaselineJdkIT extends SpringShopEndToEnd {

    @Override
    Jdk jdk() {
        return Jdk.baseline();
    }
}
