package io.queryadvisor.advisor.stats;

import io.queryadvisor.advisor.capture.CallSite;

/**
 * How many executions came from one call site (among those whose call site was sampled): the frame
 * in its string form, the one IDEs turn into a link, and in its parts, for tools (SARIF, editors).
 *
 * @param callSite   {@code class.method(File.java:line)}, or {@link #OTHERS}
 * @param className  the frame's class, or {@code null} for {@link #OTHERS}
 * @param methodName the frame's method, or {@code null} for {@link #OTHERS}
 * @param fileName   the source file, or {@code null} when unknown
 * @param lineNumber the line, or -1 when unknown
 * @param count      sampled executions from it
 */
public record CallSiteCount(String callSite, String className, String methodName, String fileName, int lineNumber,
                            long count) {

    /** Stands for the call sites beyond those a bounded list keeps, counted together. */
    public static final String OTHERS = "(other call sites)";

    public static CallSiteCount of(CallSite site, long count) {
        return new CallSiteCount(site.toString(), site.className(), site.methodName(), site.fileName(),
                site.lineNumber(), count);
    }

    /** The executions of the call sites a bounded list did not keep. */
    public static CallSiteCount others(long count) {
        return new CallSiteCount(OTHERS, null, null, null, -1, count);
    }
}
