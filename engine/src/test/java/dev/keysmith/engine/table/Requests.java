package dev.keysmith.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/** Request-building shorthands for control-plane tests. */
final class Requests {
    private Requests() {}

    static KeySchemaElement key(String name, String type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeDefinition attr(String name, String type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    static ProvisionedThroughput throughput(Long read, Long write) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(read)
                .writeCapacityUnits(write)
                .build();
    }

    static Projection projection(String type, String... nonKey) {
        Projection.Builder p = Projection.builder().projectionType(type);
        if (nonKey.length > 0) {
            p.nonKeyAttributes(nonKey);
        }
        return p.build();
    }

    /** A valid provisioned hash-key table {@code name} with key {@code pk} (S). */
    static CreateTableRequest.Builder hashTable(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(attr("pk", "S"))
                .keySchema(key("pk", "HASH"))
                .provisionedThroughput(throughput(5L, 5L));
    }

    /** A valid on-demand table with key pk (S) + sk (N). */
    static CreateTableRequest.Builder compositeTable(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(attr("pk", "S"), attr("sk", "N"))
                .keySchema(key("pk", "HASH"), key("sk", "RANGE"))
                .billingMode("PAY_PER_REQUEST");
    }

    static LocalSecondaryIndex lsi(String name, String rangeKey, Projection projection) {
        return LocalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key("pk", "HASH"), key(rangeKey, "RANGE"))
                .projection(projection)
                .build();
    }

    static GlobalSecondaryIndex gsi(String name, String hashKey, Projection projection) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(hashKey, "HASH"))
                .projection(projection)
                .build();
    }

    /** Runs {@code call}, expects a DynamoDB error with {@code code}, and returns its message. */
    static String error(String code, Executable call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        return e.awsErrorDetails().errorMessage();
    }

    static String validation(Executable call) {
        return error("ValidationException", call);
    }
}
