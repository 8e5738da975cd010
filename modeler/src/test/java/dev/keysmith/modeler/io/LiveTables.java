package dev.keysmith.modeler.io;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/** Tables and items for the live-import tests, created through any DynamoDB client. */
final class LiveTables {

    private LiveTables() {}

    static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.HASH)
                .build();
    }

    static KeySchemaElement range(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.RANGE)
                .build();
    }

    static AttributeDefinition string(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static void put(DynamoDbClient db, String table, Map<String, AttributeValue> item) {
        db.putItem(b -> b.tableName(table).item(item));
    }

    static Map<String, AttributeValue> item(Object... pairs) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            item.put((String) pairs[i], (AttributeValue) pairs[i + 1]);
        }
        return item;
    }

    /**
     * A provisioned single-table design: users (PK USER#id, SK PROFILE), their orders (SK ORDER#date#id), an inverted
     * GSI, a sparse GSI on email, an LSI on createdAt, TTL on expiresAt, a stream, deletion protection, IA class.
     */
    static void createApp(DynamoDbClient db) {
        db.createTable(CreateTableRequest.builder()
                .tableName("App")
                .keySchema(hash("PK"), range("SK"))
                .attributeDefinitions(string("PK"), string("SK"), string("email"), string("createdAt"))
                .billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PROVISIONED)
                .provisionedThroughput(ProvisionedThroughput.builder()
                        .readCapacityUnits(7L)
                        .writeCapacityUnits(3L)
                        .build())
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                                .indexName("Inverted")
                                .keySchema(hash("SK"), range("PK"))
                                .projection(Projection.builder()
                                        .projectionType(ProjectionType.ALL)
                                        .build())
                                .provisionedThroughput(ProvisionedThroughput.builder()
                                        .readCapacityUnits(4L)
                                        .writeCapacityUnits(2L)
                                        .build())
                                .build(),
                        GlobalSecondaryIndex.builder()
                                .indexName("ByEmail")
                                .keySchema(hash("email"))
                                .projection(Projection.builder()
                                        .projectionType(ProjectionType.KEYS_ONLY)
                                        .build())
                                .provisionedThroughput(ProvisionedThroughput.builder()
                                        .readCapacityUnits(1L)
                                        .writeCapacityUnits(1L)
                                        .build())
                                .build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName("ByCreated")
                        .keySchema(hash("PK"), range("createdAt"))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("status")
                                .build())
                        .build())
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true)
                        .streamViewType("NEW_IMAGE")
                        .build())
                .tableClass("STANDARD_INFREQUENT_ACCESS")
                .deletionProtectionEnabled(true)
                .build());
        db.updateTimeToLive(b -> b.tableName("App")
                .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
        put(
                db,
                "App",
                item("PK", s("USER#u1"), "SK", s("PROFILE"), "name", s("Ann"), "email", s("ann@x.io"), "age", n("31")));
        put(
                db,
                "App",
                item("PK", s("USER#u2"), "SK", s("PROFILE"), "name", s("Bob"), "email", s("bob@x.io"), "age", n("42")));
        put(db, "App", item("PK", s("USER#u3"), "SK", s("PROFILE"), "name", s("Cid"), "email", s("cid@x.io")));
        put(
                db,
                "App",
                item(
                        "PK",
                        s("USER#u1"),
                        "SK",
                        s("ORDER#2024-01-02#77"),
                        "total",
                        n("12.5"),
                        "status",
                        s("NEW"),
                        "createdAt",
                        s("2024-01-02T10:00:00Z"),
                        "expiresAt",
                        n("1900000000")));
        put(
                db,
                "App",
                item(
                        "PK",
                        s("USER#u1"),
                        "SK",
                        s("ORDER#2024-02-11#78"),
                        "total",
                        n("3"),
                        "status",
                        s("PAID"),
                        "createdAt",
                        s("2024-02-11T09:30:00Z"),
                        "expiresAt",
                        n("1900000100")));
        put(
                db,
                "App",
                item(
                        "PK",
                        s("USER#u2"),
                        "SK",
                        s("ORDER#2024-03-05#79"),
                        "total",
                        s("7.00"),
                        "status",
                        s("NEW"),
                        "createdAt",
                        s("2024-03-05T08:00:00Z"),
                        "expiresAt",
                        n("1900000200")));
    }

    static void createOnDemand(DynamoDbClient db, String name, String pk, @Nullable String sk) {
        db.createTable(b -> {
            b.tableName(name).billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST);
            if (sk == null) {
                b.keySchema(hash(pk)).attributeDefinitions(string(pk));
            } else {
                b.keySchema(hash(pk), range(sk)).attributeDefinitions(string(pk), string(sk));
            }
        });
    }
}
