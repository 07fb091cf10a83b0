package io.queryadvisor.advisor.probe;

/**
 * What a rule asks the database probe. The answer comes back, on the advisor's consumer thread and
 * in order with everything else, as a {@code ProbeCompleted} event that carries this request
 * unchanged: a rule picks its own answers out by {@link #requester()} and {@link #key()}.
 */
public sealed interface ProbeRequest permits ExplainRequest, HypotheticalIndexRequest, TableFactsRequest,
        SchemaFactsRequest {

    /** Who asked: a rule's id. */
    String requester();

    /** What the request is about, for the requester (a fingerprint id, a table); handed back unchanged. */
    String key();

    /** The data source to ask, as {@code DatabaseIdentified} and {@code StatementExecuted} name it. */
    String source();
}
