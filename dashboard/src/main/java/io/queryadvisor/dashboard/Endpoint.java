package io.queryadvisor.dashboard;

import java.io.IOException;
import java.util.Map;

/** One resource of the dashboard: answers a GET for its path. The {@link Router} does the HTTP. */
@FunctionalInterface
interface Endpoint {

    /** The response to a GET with these (decoded) query parameters. */
    Response get(Map<String, String> parameters) throws IOException;
}
