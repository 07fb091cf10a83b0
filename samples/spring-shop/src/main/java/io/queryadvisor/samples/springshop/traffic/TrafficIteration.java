package io.queryadvisor.samples.springshop.traffic;

/** One iteration of traffic: a fixed mix of requests, chosen from the iteration's number. */
@FunctionalInterface
public interface TrafficIteration {

    /** Runs iteration {@code index} (0, 1, 2, ...); a thrown exception counts as one failed iteration. */
    void run(long index) throws Exception;
}
