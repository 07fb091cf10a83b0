package io.queryadvisor.capture;

/** What a data source or driver is called in events and reports. */
final class SourceNames {

    private SourceNames() {
    }

    /**
     * HikariCP's pool name (or any pool's {@code getPoolName()}) when there is one, else the data
     * source's or driver's class. Reflection: called once per source object ({@link ConnectionSources}).
     */
    static String nameOf(Object source) {
        try {
            Object name = source.getClass().getMethod("getPoolName").invoke(source);
            if (name != null) {
                return name.toString();
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // not a pool with a name
        }
        return source.getClass().getName();
    }
}
