package dev.keysmith.engine.wire;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the wire endpoint listens.
 *
 * @param bindAddress the interface to bind, {@code 127.0.0.1} by default
 * @param port the TCP port, {@code 0} for an ephemeral one
 * @param sigV4Credentials access key id to secret key; when set, every request must carry a valid AWS Signature
 *     Version 4 by one of them. {@code null} accepts any credentials, like DynamoDB Local
 * @param region the region the endpoint answers for ({@code us-east-1} by default)
 */
public record WireConfig(
        String bindAddress, int port, @Nullable Map<String, String> sigV4Credentials, String region) {

    public WireConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(region, "region");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        sigV4Credentials = sigV4Credentials == null ? null : Map.copyOf(sigV4Credentials);
    }

    /** Loopback only, any credentials accepted, {@code us-east-1}. */
    public static WireConfig defaults(int port) {
        return new WireConfig("127.0.0.1", port, null, "us-east-1");
    }
}
