package dev.keysmith.engine.wire;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Local (in-process, in-memory) behind a {@link WireServer}, with real AWS SDK clients pointed at the
 * server: the backend stands in for the Keysmith engine, so these tests exercise only the wire layer.
 */
final class LocalBackend implements AutoCloseable {
    final AmazonDynamoDBLocal local;
    final WireServer server;
    final DynamoDbClient client;
    final DynamoDbStreamsClient streamsClient;

    LocalBackend(WireConfig config) {
        local = DynamoDBEmbedded.create(true);
        try {
            server = WireServer.start(local.dynamoDbClient(), local.dynamoDbStreamsClient(), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = sdkClient(server.endpoint(), "k", "s");
        streamsClient = DynamoDbStreamsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    LocalBackend() {
        this(WireConfig.defaults(0));
    }

    static DynamoDbClient sdkClient(URI endpoint, String accessKey, String secret) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(ApacheHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void close() {
        client.close();
        streamsClient.close();
        server.close();
        local.shutdown();
    }
}
