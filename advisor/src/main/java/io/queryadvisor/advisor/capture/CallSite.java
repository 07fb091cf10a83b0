package io.queryadvisor.advisor.capture;

/**
 * The application frame that issued a statement: the first frame that is not the JDK, the agent,
 * a JDBC driver, a pool or a common framework.
 */
public record CallSite(String className, String methodName, String fileName, int lineNumber) {

    public static final CallSite UNKNOWN = new CallSite("?", "?", null, -1);

    public static CallSite of(StackTraceElement frame) {
        return new CallSite(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
    }

    public static CallSite of(StackWalker.StackFrame frame) {
        return new CallSite(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
    }

    /** {@code com.shop.OrderDao.findLines(OrderDao.java:42)}, the form IDEs turn into a link. */
    @Override
    public String toString() {
        String where = fileName == null ? "Unknown Source" : lineNumber >= 0 ? fileName + ":" + lineNumber : fileName;
        return className + "." + methodName + "(" + where + ")";
    }
}
