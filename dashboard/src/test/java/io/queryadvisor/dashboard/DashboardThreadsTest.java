package io.queryadvisor.dashboard;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send half a request and wait cannot take the dashboard's threads: more threads
 * than the two such clients that stopped it before, and a read deadline that frees a thread.
 */
class DashboardThreadsTest {

    /** Generous: the assertions wait for an answer, never for a time; this only ends a hung test. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
    private final List<Socket> halfSent = new ArrayList<>();
    private DashboardServer server;

    @AfterEach
    void close() throws IOException {
        for (Socket socket : halfSent) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersWhileTwoConnectionsSitOnHalfSentRequests() throws Exception {
        server = DashboardServer.start(new DashboardConfig(true, "127.0.0.1", 0), endpoints(), new ExchangeWorkers());
        sendHalfARequest();
        sendHalfARequest();

        HttpResponse<String> third = get("/works");

        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void cutsOffAHalfSentRequestAtTheReadDeadline() throws Exception {
        ExchangeWorkers oneThread = new ExchangeWorkers(1, Duration.ofMillis(200), PATIENCE);
        server = DashboardServer.start(new DashboardConfig(true, "127.0.0.1", 0), endpoints(), oneThread);
        Socket idle = sendHalfARequest();

        // the only thread is taken by the idle client until its deadline; then this one is answered
        HttpResponse<String> next = get("/works");

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(readsToEnd(idle)).as("the idle client's connection was closed").isTrue();
    }

    @Test
    void servesOnBoundedDaemonThreads() throws Exception {
        ExchangeWorkers shortReads = new ExchangeWorkers(ExchangeWorkers.THREADS, Duration.ofMillis(200), PATIENCE);
        server = DashboardServer.start(new DashboardConfig(true, "127.0.0.1", 0), endpoints(), shortReads);
        for (int i = 0; i < 3 * ExchangeWorkers.THREADS; i++) {
            sendHalfARequest();
        }
        // answered once the idle clients ahead of it have been cut off, a few threads' worth at a time
        assertThat(get("/works").statusCode()).isEqualTo(200);

        List<Thread> workers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().matches("query-advisor-dashboard-\\d+")).toList();
        assertThat(workers).hasSizeLessThanOrEqualTo(ExchangeWorkers.THREADS).allMatch(Thread::isDaemon);
    }

    private static Map<String, Endpoint> endpoints() {
        return Map.of("/works", parameters -> Response.json(List.of("fine")));
    }

    /** A connection that has sent the start of a request, and nothing more. */
    private Socket sendHalfARequest() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        halfSent.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write("GET /works HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Wait".getBytes(US_ASCII));
        out.flush();
        return socket;
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
        return client.send(HttpRequest.newBuilder(uri).timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the server closed {@code socket}: its input ends (or is reset) without an answer. */
    private static boolean readsToEnd(Socket socket) throws IOException {
        socket.setSoTimeout((int) PATIENCE.toMillis());
        InputStream in = socket.getInputStream();
        try {
            return in.readAllBytes().length == 0;
        } catch (SocketException reset) {
            return true;
        }
    }
}
