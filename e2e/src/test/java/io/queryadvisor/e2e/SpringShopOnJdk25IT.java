package io.queryadvisor.e2e;

/** The Spring shop end to end on JDK 25 ({@code QUERYADVISOR_TEST_JDK25}). */
class SpringShopOnJdk25IT extends SpringShopEndToEnd {

    @Override
    Jdk jdk() {
        return Jdk.jdk25();
    }
}
