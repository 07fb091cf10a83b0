package io.queryadvisor.benchmarks.stub;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;

/**
 * The stub database's name and version, which the agent asks once per data source to identify
 * it. A JDK proxy rather than a class: it is off the measured path, and DatabaseMetaData has some
 * 180 methods of which only these five are ever called.
 */
final class StubMetaData implements InvocationHandler {

    static final DatabaseMetaData INSTANCE = (DatabaseMetaData) Proxy.newProxyInstance(
            StubMetaData.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class}, new StubMetaData());

    private static final Map<String, String> ANSWERS = Map.of(
            "getDatabaseProductName", "Stub",
            "getDatabaseProductVersion", "1.0",
            "getDriverName", "Query Advisor benchmark stub driver",
            "getDriverVersion", "1.0",
            "getURL", StubDriver.URL);

    private StubMetaData() {
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "StubMetaData";
            };
        }
        String answer = ANSWERS.get(method.getName());
        if (answer == null || method.getParameterCount() > 0) {
            throw new SQLFeatureNotSupportedException(method.getName() + " is not in the benchmark's stub driver");
        }
        return answer;
    }
}
