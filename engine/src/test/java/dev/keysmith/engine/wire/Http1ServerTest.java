package dev.keysmith.engine.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hand-written HTTP/1.1 transport on its own, with an application that echoes what it was given. */
class Http1ServerTest {
    private Http1Server server;

    @BeforeEach
    void start() throws IOException {
        server = Http1Server.start(
                InetAddress.getLoopbackAddress(),
                0,
                1024,
                (request, tooLarge) -> new HttpReply(
                        tooLarge ? 413 : 200,
                        List.<String[]>of(new String[] {"x-echo-path", request.rawPath() + "?" + request.rawQuery()}),
                        tooLarge ? new byte[0] : request.body()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String exchange(String rawRequest) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write(rawRequest.getBytes(UTF_8));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), UTF_8);
        }
    }

    @Test
    void malformedRequestLine_isAnswered400AndClosed() throws IOException {
        String response = exchange("NONSENSE\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
        assertTrue(response.contains("Connection: close\r\n"), response);
    }

    @Test
    void oversizedHead_isAnswered431() throws IOException {
        String response = exchange("POST / HTTP/1.1\r\nX-Big: " + "a".repeat(Http1Server.MAX_HEAD_BYTES) + "\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 431 "), response);
    }

    @Test
    void bodyOverTheLimit_isReportedToTheApplicationUnreadAndTheConnectionCloses() throws IOException {
        String chunked = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + "400\r\n" + "x".repeat(1024)
                + "\r\n1\r\ny\r\n0\r\n\r\n";
        String response = exchange(chunked);
        assertTrue(response.startsWith("HTTP/1.1 413 "), response);
        assertTrue(response.contains("Connection: close\r\n"), response);
    }

    @Test
    void http10WithoutKeepAlive_closesAfterTheResponse_andPathAndQueryAreSplit() throws IOException {
        String response = exchange("POST /a/b?x=1&y=2 HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.contains("x-echo-path: /a/b?x=1&y=2\r\n"), response);
        assertTrue(response.endsWith("Connection: close\r\n\r\nhi"), response);
    }

    @Test
    void headRequest_getsHeadersWithoutBody() throws IOException {
        String response = exchange("HEAD / HTTP/1.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc");
        assertTrue(response.contains("Content-Length: 3\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\n"), response);
    }

    @Test
    void pipelinedRequests_areAnsweredInOrderOnOneConnection() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream()
                    .write(("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\none"
                                    + "POST / HTTP/1.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\ntwo")
                            .getBytes(UTF_8));
            InputStream in = socket.getInputStream();
            String both = new String(in.readAllBytes(), UTF_8);
            assertTrue(both.indexOf("\r\n\r\none") < both.indexOf("\r\n\r\ntwo"), both);
            assertEquals(2, both.split("HTTP/1.1 200 OK").length - 1, both);
        }
    }

    @Test
    void close_releasesThePort() throws IOException {
        int port = server.port();
        server.close();
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertEquals(port, again.getLocalPort());
        }
    }
}
