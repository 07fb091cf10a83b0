package io.queryadvisor.advisor.probe;

/** What the probe found, or why it found nothing ({@link ProbeFailure}). */
public sealed interface ProbeResult permits ExplainResult, HypotheticalIndexResult, TableFactsResult,
        SchemaFactsResult, ProbeFailure {

    default boolean failed() {
        return this instanceof ProbeFailure;
    }
}
