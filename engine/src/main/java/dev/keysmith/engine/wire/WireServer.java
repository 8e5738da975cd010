package dev.keysmith.engine.wire;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB's HTTP endpoint over any {@link DynamoDbClient}: the AWS SDKs and the AWS CLI talk to it unchanged.
 * Requests are decoded into the SDK's own model classes, passed to the client, and the SDK response objects (or
 * exceptions) are encoded back exactly as DynamoDB sends them. HTTP/1.1 is served by {@link Http1Server}: measured
 * against the JDK's {@code com.sun.net.httpserver} with virtual threads, it needs about a quarter of the CPU per
 * request and answers in a single write.
 */
public final class WireServer implements AutoCloseable {
    private final Http1Server transport;
    private final String host;

    private WireServer(Http1Server transport, String host) {
        this.transport = transport;
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
        Http1Server transport = Http1Server.start(
                address,
                config.port(),
                WireHandler.MAX_REQUEST_BYTES,
                (request, tooLarge) -> HttpReply.front(handler, request, tooLarge));
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        return new WireServer(transport, host.contains(":") ? "[" + host + "]" : host);
    }

    public int port() {
        return transport.port();
    }

    /** The URL clients use, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() {
        return URI.create("http://" + host + ":" + port());
    }

    /** Stops accepting, closes every connection and releases the port. */
    @Override
    public void close() {
        transport.close();
    }
}
