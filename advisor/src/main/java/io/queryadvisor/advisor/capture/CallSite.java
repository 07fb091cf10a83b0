package io.queryadvisor.advisor.capture;

/**
 * The application frame that issued a statement: the first frame of the application's own code.
 * When the stack holds none (a framework's start-up work, a library's own thread), it is the
 * nearest framework or library frame instead, marked {@code application = false} and said so in
 * words, or {@link #NO_FRAME} when there is not even that.
 *
 * @param application whether the frame is the application's own code
 */
public record CallSite(String className, String methodName, String fileName, int lineNumber, boolean application) {

    /** A stack with neither an application frame nor a framework or library one (only the JDK's and the agent's). */
    public static final CallSite NO_FRAME = new CallSite("(no application frame)", "", null, -1, false);

    /** An application frame. */
    public CallSite(String className, String methodName, String fileName, int lineNumber) {
        this(className, methodName, fileName, lineNumber, true);
    }

    public static CallSite of(StackTraceElement frame) {
        return new CallSite(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
    }

    public static CallSite of(StackWalker.StackFrame frame) {
        return new CallSite(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
    }

    /** The nearest frame of a stack that has no application frame. */
    public static CallSite outsideApplication(StackWalker.StackFrame nearest) {
        return new CallSite(nearest.getClassName(), nearest.getMethodName(), nearest.getFileName(),
                nearest.getLineNumber(), false);
    }

    /**
     * {@code com.shop.OrderDao.findLines(OrderDao.java:42)}, the form IDEs turn into a link; without an
     * application frame, {@code no application frame, nearest: org.hibernate...(...)}.
     */
    @Override
    public String toString() {
        if (this == NO_FRAME || equals(NO_FRAME)) {
            return "no application frame (only the JDK's and Query Advisor's)";
        }
        String where = fileName == null ? "Unknown Source" : lineNumber >= 0 ? fileName + ":" + lineNumber : fileName;
        String frame = className + "." + methodName + "(" + where + ")";
        return application ? frame : "no application frame, nearest: " + frame;
    }
}
