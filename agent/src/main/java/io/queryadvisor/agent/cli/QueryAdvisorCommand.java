package io.queryadvisor.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;

/**
 * The agent jar run as a program ({@code java -jar query-advisor-agent.jar ...}): fetches a report
 * from a running application's dashboard and saves it.
 *
 * <p>Exit codes: {@value #OK} done, {@value #FAILED} the dashboard could not be reached or the file
 * not written, {@value #USAGE} the command line is wrong. Errors are one line on standard error.
 * Only the JDK is used here: the command starts fast and loads none of the agent's machinery.
 */
public final class QueryAdvisorCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String PROGRAM = "query-advisor";

    static final String USAGE_TEXT = """
            Query Advisor: fetch a report from a running application's dashboard.

            Usage:
              java -jar query-advisor-agent.jar report [--from URL] [--format json|md|html] [--out FILE] [--token T]
              java -jar query-advisor-agent.jar help

            Options:
              --from URL     the dashboard (default %s)
              --format F     json, md (markdown) or html; default: the extension of --out, else json
              --out FILE     write the report to FILE instead of standard output
              --token T      the dashboard's token, when it listens beyond loopback (dashboard.token,
                             or the one the agent printed at start)

            Example:
              java -jar query-advisor-agent.jar report --from http://127.0.0.1:7070 --out report.md

            To capture, start the application with -javaagent:query-advisor-agent.jar instead.
            """.formatted(ReportOptions.DEFAULT_FROM);

    private final DashboardClient dashboard;

    QueryAdvisorCommand(DashboardClient dashboard) {
        this.dashboard = dashboard;
    }

    public static void main(String[] args) {
        int status = new QueryAdvisorCommand(new DashboardClient(DashboardClient.DEFAULT_TIMEOUT))
                .run(Arrays.asList(args), System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs the command line {@code args}; the report (or usage) goes to {@code out}, errors to {@code err}. */
    int run(List<String> args, PrintStream out, PrintStream err) {
        if (wantsHelp(args)) {
            out.print(USAGE_TEXT);
            return OK;
        }
        if (!args.get(0).equals("report")) {
            return usageError(err, "unknown command '" + args.get(0) + "'");
        }
        ReportOptions options;
        try {
            options = ReportOptions.parse(args.subList(1, args.size()));
        } catch (UsageException e) {
            return usageError(err, e.getMessage());
        }
        return report(options, out, err);
    }

    private int report(ReportOptions options, PrintStream out, PrintStream err) {
        byte[] report;
        try {
            report = dashboard.get(options.reportUri(), options.token());
        } catch (DashboardClient.DashboardException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return FAILED;
        }
        if (options.out() == null) {
            out.write(report, 0, report.length);
            out.flush();
            return OK;
        }
        try {
            // Fetched in full before the file is touched: a failed fetch never leaves a truncated report behind.
            Files.write(options.out(), report);
        } catch (NoSuchFileException e) {
            err.println(PROGRAM + ": cannot write " + options.out() + ": its directory does not exist");
            return FAILED;
        } catch (IOException e) {
            err.println(PROGRAM + ": cannot write " + options.out() + ": " + e);
            return FAILED;
        }
        out.println("Wrote the " + options.format() + " report to " + options.out() + " (" + report.length + " bytes)");
        return OK;
    }

    private static int usageError(PrintStream err, String message) {
        err.println(PROGRAM + ": " + message + " (run with 'help' for usage)");
        return USAGE;
    }

    /** No arguments, {@code help}, or {@code report} with {@code --help} anywhere. */
    private static boolean wantsHelp(List<String> args) {
        return args.isEmpty() || isHelp(args.get(0))
                || (args.get(0).equals("report") && args.stream().anyMatch(QueryAdvisorCommand::isHelp));
    }

    private static boolean isHelp(String arg) {
        return arg.equals("help") || arg.equals("--help") || arg.equals("-h");
    }
}
