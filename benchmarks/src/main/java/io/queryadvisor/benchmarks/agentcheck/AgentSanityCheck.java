package io.queryadvisor.benchmarks.agentcheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sanity check, not the benchmark: the statement cycle in a plain timed loop, in child JVMs
 * started alternately with and without {@code -javaagent:query-advisor-agent.jar}, so the real
 * agent (Byte Buddy advice inlined into HikariCP, the generated wrappers, the advisor thread) is
 * compared with nothing at all. Prints each run and the ratio of the medians.
 *
 * <p>Usage: {@code java -jar benchmarks/target/agent-sanity-check.jar [agent.jar] [rounds] [warmup s] [measure s]}.
 * This jar holds no Query Advisor class, so {@code -javaagent} is the only way the agent gets in.
 */
public final class AgentSanityCheck {

    private AgentSanityCheck() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path agent = Path.of(args.length > 0 ? args[0] : "agent/target/query-advisor-agent.jar");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String warmup = args.length > 2 ? args[2] : "3";
        String measure = args.length > 3 ? args[3] : "5";
        if (!Files.isRegularFile(agent)) {
            throw new IllegalArgumentException("no agent jar at " + agent.toAbsolutePath()
                    + "; build it (mvn -o -q -pl benchmarks -am package -DskipTests) or pass its path");
        }
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            without.add(run(null, warmup, measure, round));
            with.add(run(agent, warmup, measure, round));
        }
        double raw = median(without);
        double agentOn = median(with);
        System.out.printf("%nmedian ns/cycle without agent: %.1f%nmedian ns/cycle with agent:    %.1f%n", raw, agentOn);
        System.out.printf("added: %+.1f ns per cycle; throughput with agent / without: %.2f%n",
                agentOn - raw, raw / agentOn);
    }

    private static double run(Path agent, String warmup, String measure, int round)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms512m", "-Xmx512m"));
        if (agent != null) {
            // The dashboard would only take a port; it has no part in the statement path.
            command.add("-javaagent:" + agent.toAbsolutePath() + "=dashboard.enabled=false");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TimedCycleLoop.class.getName(),
                warmup, measure));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("wrapped=")) {
                    result = line;
                }
            }
        }
        if (child.waitFor() != 0 || result == null) {
            throw new IllegalStateException("child JVM failed: " + String.join(" ", command));
        }
        boolean wrapped = result.startsWith("wrapped=true");
        if (wrapped != (agent != null)) {
            throw new IllegalStateException("expected the connection " + (agent != null ? "" : "not ")
                    + "to be wrapped by the agent: " + result);
        }
        System.out.printf("round %d, %-13s %s%n", round, agent != null ? "with agent:" : "without agent:", result);
        return Double.parseDouble(field(result, "nsPerCycle"));
    }

    private static String field(String line, String name) {
        return Arrays.stream(line.split(" ")).filter(f -> f.startsWith(name + "=")).findFirst()
                .orElseThrow().substring(name.length() + 1);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
