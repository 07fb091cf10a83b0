/**
 * The smallest Spring Boot 4 web application with a JDBC statement, packaged as an executable jar
 * for the agent's end-to-end smoke test on Spring Boot 4 ({@code SpringBoot4SmokeIT}).
 */
package io.queryadvisor.samples.boot4;
