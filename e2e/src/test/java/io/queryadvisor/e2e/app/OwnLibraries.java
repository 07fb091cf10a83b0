package io.queryadvisor.e2e.app;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Uses the application's own copies of the libraries the agent carries shaded (Jackson, Byte Buddy,
 * JSqlParser): if the agent's copies leaked into the application's namespace, or clashed with
 * these, the application would break here.
 */
final class OwnLibraries {

    private OwnLibraries() {
    }

    /** Exercises each library; throws on the first that does not behave. */
    static void exercise() throws Exception {
        String json = new ObjectMapper().writeValueAsString(Map.of("workload", "known"));
        require("Jackson", "{\"workload\":\"known\"}", json);

        Object made = new ByteBuddy()
                .subclass(Object.class)
                .method(named("toString")).intercept(FixedValue.value("made by the application's Byte Buddy"))
                .make()
                .load(OwnLibraries.class.getClassLoader())
                .getLoaded()
                .getDeclaredConstructor()
                .newInstance();
        require("Byte Buddy", "made by the application's Byte Buddy", made.toString());

        Object parsed = CCJSqlParserUtil.parse("SELECT name FROM e2e_lookup WHERE id = 1");
        require("JSqlParser", Select.class.getSimpleName(), parsed instanceof Select ? "Select" : parsed.getClass().getName());

        for (Class<?> library : new Class<?>[] {ObjectMapper.class, ByteBuddy.class, CCJSqlParserUtil.class,
                net.ttddyy.dsproxy.support.ProxyDataSource.class, com.zaxxer.hikari.HikariDataSource.class}) {
            System.out.println("OWN LIBRARY " + library.getName() + " from "
                    + library.getProtectionDomain().getCodeSource().getLocation());
        }
    }

    private static void require(String library, String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("the application's own " + library + " misbehaves: expected '" + expected
                    + "', got '" + actual + "'");
        }
    }
}
