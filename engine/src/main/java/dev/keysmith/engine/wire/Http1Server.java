package dev.keysmith.engine.wire;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP/1.1 server on blocking sockets with one platform thread per connection: keep-alive, {@code
 * Content-Length} and chunked request bodies, {@code Expect: 100-continue}, a body size limit, and timeouts for idle
 * connections and slow requests. Each answer leaves in a single write.
 */
final class Http1Server implements AutoCloseable {
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Longer than the AWS SDK's 60 s connection idle time, so the client, not the server, retires idle connections. */
    static final int IDLE_TIMEOUT_MILLIS = 65_000;

    static final int READ_TIMEOUT_MILLIS = 60_000;

    private static final System.Logger LOG = System.getLogger(Http1Server.class.getName());
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Answers one request; {@code true} means its body exceeded the limit and was not read. */
    private final BiFunction<WireRequest, Boolean, HttpReply> application;

    /** How long a connection whose body was refused keeps discarding it before closing. */
    private static final int LINGER_MILLIS = 2_000;

    private final int maxBodyBytes;
    private final ServerSocket listener;
    /**
     * A platform thread per connection: on these 2-core machines virtual threads (each socket wait a trip through the
     * poller, each log write a compensated carrier) cost a 1-thread SDK client 40% of its PutItem rate. Connections are
     * few (an SDK pools at most 50), so the threads are too.
     */
    private final ExecutorService connections = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("keysmith-wire-", 0).daemon().factory());

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private Http1Server(
            ServerSocket listener, BiFunction<WireRequest, Boolean, HttpReply> application, int maxBodyBytes) {
        this.listener = listener;
        this.application = application;
        this.maxBodyBytes = maxBodyBytes;
        this.acceptor = Thread.ofPlatform()
                .daemon()
                .name("keysmith-wire-accept-" + listener.getLocalPort())
                .unstarted(this::acceptLoop);
    }

    static Http1Server start(
            InetAddress address, int port, int maxBodyBytes, BiFunction<WireRequest, Boolean, HttpReply> application)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(address, port), 512);
        Http1Server server = new Http1Server(listener, application, maxBodyBytes);
        server.acceptor.start();
        return server;
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        connections.shutdownNow();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed", e);
                }
                continue;
            }
            open.add(socket);
            try {
                connections.execute(() -> serve(socket));
            } catch (RuntimeException rejectedAfterClose) {
                open.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            converse(socket);
        } catch (BadRequest bad) {
            // answered already; closing is all that is left
        } catch (SocketTimeoutException | SocketException | EOFException gone) {
            // idle or vanished client: just close
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "connection failed", e);
        } finally {
            open.remove(socket);
        }
    }

    /** Serves the requests of one connection until either side ends it. */
    private void converse(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        OutputStream out = socket.getOutputStream();
        boolean keepAlive = true;
        while (keepAlive && !closed) {
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            Head head;
            byte[] body;
            try {
                head = readHead(in);
                if (head == null) {
                    return; // the client closed the connection between requests
                }
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                body = readBody(head, in, out);
            } catch (BadRequest bad) {
                write(out, new HttpReply(bad.status, List.of(), new byte[0]), false, false);
                throw bad;
            }
            keepAlive = head.keepAlive() && body != null; // an unread body is still on the wire
            HttpReply reply = application.apply(head.toRequest(body == null ? new byte[0] : body), body == null);
            write(out, reply, keepAlive, head.method().equals("HEAD"));
            if (body == null) {
                lingeringClose(socket, in);
                return;
            }
        }
    }

    /**
     * Ends a connection whose request body was refused unread: closing at once would reset it (the unread bytes are
     * still arriving) and the client could lose the answer, so the server half-closes after the answer and discards
     * what is still coming, for a short while, before closing.
     */
    private static void lingeringClose(Socket socket, InputStream in) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(LINGER_MILLIS);
        long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
        byte[] discard = new byte[64 * 1024];
        try {
            while (System.nanoTime() < deadline && in.read(discard) >= 0) {
                // the refused body, thrown away
            }
        } catch (SocketTimeoutException quiet) {
            // the client sent nothing more for a while: close now
        }
    }

    /** The request line and headers, or null on a clean end of stream before any byte. */
    private static @Nullable Head readHead(InputStream in) throws IOException {
        int[] budget = {MAX_HEAD_BYTES};
        String requestLine = readLine(in, budget);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in, budget); // tolerate blank lines between requests (RFC 9112 section 2.2)
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String line;
        while (!(line = requireLine(in, budget)).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadRequest(400);
            }
            headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new ArrayList<>(1))
                    .add(line.substring(colon + 1).trim());
        }
        return new Head(parts[0], parts[1], parts[2], headers);
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1; null at end of stream before any byte. */
    private static @Nullable String readLine(InputStream in, int[] budget) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int next;
        while ((next = in.read()) != '\n') {
            if (next < 0) {
                if (line.isEmpty()) {
                    return null;
                }
                throw new EOFException("end of stream inside a request head");
            }
            if (--budget[0] < 0) {
                throw new BadRequest(431);
            }
            line.append((char) next);
        }
        int length = line.length();
        return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
    }

    private static String requireLine(InputStream in, int[] budget) throws IOException {
        String line = readLine(in, budget);
        if (line == null) {
            throw new EOFException("end of stream inside a request head");
        }
        return line;
    }

    /** The body, or null when it is larger than the limit (it is then left unread). */
    private byte @Nullable [] readBody(Head head, InputStream in, OutputStream out) throws IOException {
        String transferEncoding = head.header("Transfer-Encoding");
        boolean chunked = transferEncoding != null
                && transferEncoding.toLowerCase(Locale.ROOT).trim().endsWith("chunked");
        String declared = head.header("Content-Length");
        long length = 0;
        if (!chunked && declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException notANumber) {
                throw new BadRequest(400);
            }
            if (length < 0) {
                throw new BadRequest(400);
            }
            if (length > maxBodyBytes) {
                return null;
            }
        }
        String expect = head.header("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            out.write(CONTINUE);
            out.flush();
        }
        if (chunked) {
            return readChunks(in);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("end of stream inside a request body");
        }
        return body;
    }

    private byte @Nullable [] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] budget = {MAX_HEAD_BYTES};
        while (true) {
            String sizeLine = requireLine(in, budget);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException notHex) {
                throw new BadRequest(400);
            }
            if (size == 0) {
                String trailer;
                while ((trailer = readLine(in, budget)) != null && !trailer.isEmpty()) {
                    // trailers carry nothing DynamoDB uses
                }
                return body.toByteArray();
            }
            if (size < 0 || body.size() + size > maxBodyBytes) {
                return null;
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new EOFException("end of stream inside a chunk");
            }
            body.write(chunk);
            readLine(in, budget); // the CRLF after the chunk data
        }
    }

    private static void write(OutputStream out, HttpReply reply, boolean keepAlive, boolean headOnly)
            throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ")
                .append(reply.status())
                .append(' ')
                .append(reason(reply.status()))
                .append("\r\n");
        for (String[] header : reply.headers()) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        head.append("Content-Length: ").append(reply.body().length).append("\r\n");
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        int bodyLength = headOnly ? 0 : reply.body().length;
        byte[] message = new byte[headBytes.length + bodyLength];
        System.arraycopy(headBytes, 0, message, 0, headBytes.length);
        System.arraycopy(reply.body(), 0, message, headBytes.length, bodyLength);
        out.write(message);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 413 -> "Request Entity Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** A request line and headers (names looked up case-insensitively). */
    private record Head(String method, String target, String version, Map<String, List<String>> headers) {
        @Nullable
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.getFirst();
        }

        boolean keepAlive() {
            String connection = header("Connection");
            if (version.equals("HTTP/1.0")) {
                return connection != null && connection.equalsIgnoreCase("keep-alive");
            }
            return connection == null || !connection.equalsIgnoreCase("close");
        }

        WireRequest toRequest(byte[] body) {
            String path = target;
            @Nullable String query = null;
            if (!path.startsWith("/")) {
                int scheme = path.indexOf("://"); // absolute-form: http://host:port/path?query
                int slash = scheme < 0 ? -1 : path.indexOf('/', scheme + 3);
                path = slash < 0 ? "/" : path.substring(slash);
            }
            int question = path.indexOf('?');
            if (question >= 0) {
                query = path.substring(question + 1);
                path = path.substring(0, question);
            }
            return new WireRequest(method, path, query, headers, body);
        }
    }

    /** A request that cannot be parsed: answered with {@code status} and the connection closed. */
    private static final class BadRequest extends IOException {
        final int status;

        BadRequest(int status) {
            super("bad request: " + status);
            this.status = status;
        }
    }
}
