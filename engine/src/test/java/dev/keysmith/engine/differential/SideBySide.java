package dev.keysmith.engine.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB Local 2.6.1 and Keysmith side by side, with the same tables, for minimal reproducers of what the random
 * sequences of {@link DynamoDbLocalRandomOpsTest} found.
 */
abstract class SideBySide {
    static final String TABLE = "known";
    static final String INDEXED = "known_indexed";
    static final String BINARY = "known_binary";
    static @Nullable AmazonDynamoDBLocal local;
    static @Nullable KeysmithEngine keysmith;

    @BeforeAll
    static void start() throws IOException {
        local = DynamoDbLocal.start();
        Assumptions.assumeTrue(local != null, "no sqlite4java native library for this platform");
        keysmith = KeysmithEngine.open(EngineConfig.inMemory());
        for (DynamoDbClient client : clients()) {
            client.createTable(
                    Tables.HASH_S.create(0).toBuilder().tableName(TABLE).build());
            client.createTable(
                    Tables.INDEXED.create(0).toBuilder().tableName(INDEXED).build());
            client.createTable(Tables.HASH_N_RANGE_B.create(0).toBuilder()
                    .tableName(BINARY)
                    .build());
            client.putItem(PutItemRequest.builder()
                    .tableName(TABLE)
                    .item(Map.of("pk", AttributeValue.fromS("present"), "a", AttributeValue.fromN("1")))
                    .build());
        }
    }

    @AfterAll
    static void stop() {
        if (keysmith != null) {
            keysmith.close();
        }
        if (local != null) {
            local.shutdown();
        }
    }

    static List<DynamoDbClient> clients() {
        return List.of(local.dynamoDbClient(), keysmith);
    }

    /** The error code and exact message (with cancellation reasons) a call fails with, or "ok". */
    static String error(DynamoDbClient client, Function<DynamoDbClient, ?> call) {
        try {
            call.apply(client);
            return "ok";
        } catch (TransactionCanceledException e) {
            return "TransactionCanceledException "
                    + e.cancellationReasons().stream()
                            .map(r -> r.code() + ": " + r.message())
                            .toList();
        } catch (DynamoDbException e) {
            return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        }
    }

    static void assertSameAsDynamoDbLocal(Function<DynamoDbClient, ?> call) {
        assertEquals(error(local.dynamoDbClient(), call), error(keysmith, call));
    }
}
