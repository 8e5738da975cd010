package dev.keysmith.engine.wire;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB's HTTP endpoint over any {@link DynamoDbClient}: the AWS SDKs and the AWS CLI talk to it unchanged. It runs
 * on the JDK's HTTP server (keep-alive, chunked bodies, {@code Expect: 100-continue}) with one virtual thread per
 * exchange.
 */
public final class WireServer implements AutoCloseable {
    static final String EXPOSED_HEADERS = "x-amzn-RequestId, x-amzn-ErrorType, x-amz-crc32, x-amz-id-2, Date";
    static final String DEFAULT_ALLOWED_HEADERS = "Authorization, Content-Type, Content-Encoding, X-Amz-Date,"
            + " X-Amz-Target, X-Amz-User-Agent, X-Amz-Security-Token, X-Amz-Content-Sha256, amz-sdk-invocation-id,"
            + " amz-sdk-request";
    private static final System.Logger LOG = System.getLogger(WireServer.class.getName());
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    static {
        // The JDK server reads these once. Without TCP_NODELAY, Nagle's algorithm delays small keep-alive responses;
        // a request that takes over a minute to arrive is abandoned; idle connections close after 30 s (the default).
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxReqTime", "60");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final WireHandler handler;
    private final String host;

    private WireServer(HttpServer server, ExecutorService executor, WireHandler handler, String host) {
        this.server = server;
        this.executor = executor;
        this.handler = handler;
        this.host = host;
    }

    /** Binds the endpoint and starts serving {@code dynamo} (and {@code streams}, when given). */
    public static WireServer start(DynamoDbClient dynamo, @Nullable DynamoDbStreamsClient streams, WireConfig config)
            throws IOException {
        Operations operations = Operations.discover(dynamo, streams);
        SigV4Verifier verifier =
                config.sigV4Credentials() == null ? null : new SigV4Verifier(config.sigV4Credentials());
        WireHandler handler = new WireHandler(operations, verifier, config.region());
        InetAddress address = InetAddress.getByName(config.bindAddress());
        HttpServer server = HttpServer.create(new InetSocketAddress(address, config.port()), 256);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        WireServer wire = new WireServer(server, executor, handler, host.contains(":") ? "[" + host + "]" : host);
        server.setExecutor(executor);
        server.createContext("/", wire::serve);
        server.start();
        return wire;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL clients use, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() {
        return URI.create("http://" + host + ":" + port());
    }

    /** Stops accepting, closes every connection and releases the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            respond(exchange);
        } catch (IOException clientGone) {
            LOG.log(System.Logger.Level.DEBUG, "connection closed by the client", clientGone);
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        Headers in = exchange.getRequestHeaders();
        Headers out = exchange.getResponseHeaders();
        out.set("x-amzn-RequestId", requestId());
        boolean preflight = exchange.getRequestMethod().equals("OPTIONS");
        if (preflight || in.containsKey("Origin")) {
            out.set("Access-Control-Allow-Origin", "*");
            out.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        if (preflight) {
            String method = in.getFirst("Access-Control-Request-Method");
            String headers = in.getFirst("Access-Control-Request-Headers");
            out.set("Access-Control-Allow-Methods", method == null ? "GET, POST, OPTIONS" : method);
            out.set("Access-Control-Allow-Headers", headers == null ? DEFAULT_ALLOWED_HEADERS : headers);
            out.set("Access-Control-Max-Age", "172800");
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            out.set("Connection", "close");
            exchange.sendResponseHeaders(413, -1);
            return;
        }
        URI uri = exchange.getRequestURI();
        WireRequest request =
                new WireRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), in, body);
        WireResponse response;
        try {
            response = handler.handle(request);
        } catch (RuntimeException unexpected) {
            LOG.log(System.Logger.Level.ERROR, "unexpected failure serving a request", unexpected);
            response = ErrorMapper.internalError(WireHandler.AMZ_JSON);
        }
        send(exchange, response);
    }

    /** The request body, or null when it exceeds DynamoDB's request size limit. */
    private static byte @Nullable [] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        long length = declared == null ? -1 : parseLength(declared);
        if (length > WireHandler.MAX_REQUEST_BYTES) {
            return null;
        }
        InputStream in = exchange.getRequestBody();
        if (length >= 0) {
            return in.readNBytes((int) length);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = in.read(buffer)) > 0) {
            if (body.size() + read > WireHandler.MAX_REQUEST_BYTES) {
                return null;
            }
            body.write(buffer, 0, read);
        }
        return body.toByteArray();
    }

    private static long parseLength(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static void send(HttpExchange exchange, WireResponse response) throws IOException {
        Headers out = exchange.getResponseHeaders();
        byte[] body = response.body();
        out.set("Content-Type", response.contentType());
        CRC32 crc = new CRC32();
        crc.update(body);
        out.set("x-amz-crc32", Long.toString(crc.getValue()));
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(body);
            }
        }
    }

    /** An opaque 52-character upper-case alphanumeric id, like DynamoDB's. */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[52];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
