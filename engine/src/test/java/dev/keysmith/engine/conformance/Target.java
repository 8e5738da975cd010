package dev.keysmith.engine.conformance;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.engine.wire.WireConfig;
import dev.keysmith.engine.wire.WireServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where a conformance suite runs: the engine in-process (it is a {@code DynamoDbClient}), or the same engine behind the
 * wire endpoint reached by the real AWS SDK over HTTP. Both must behave identically.
 */
public enum Target {
    EMBEDDED,
    HTTP;

    /** An open engine and the client that talks to it. */
    public record Session(KeysmithEngine engine, DynamoDbClient client, AutoCloseable resources)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            resources.close();
        }
    }

    public Session open() {
        KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory());
        return switch (this) {
            case EMBEDDED -> new Session(engine, engine, engine::close);
            case HTTP -> {
                try {
                    WireServer server = WireServer.start(engine, null, WireConfig.defaults(0));
                    DynamoDbClient client = DynamoDbClient.builder()
                            .endpointOverride(server.endpoint())
                            .region(Region.US_EAST_1)
                            .credentialsProvider(
                                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                            .httpClient(ApacheHttpClient.create())
                            .build();
                    yield new Session(engine, client, () -> {
                        client.close();
                        server.close();
                        engine.close();
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
