package dev.keysmith.engine.table;

import static dev.keysmith.engine.table.Requests.attr;
import static dev.keysmith.engine.table.Requests.compositeTable;
import static dev.keysmith.engine.table.Requests.error;
import static dev.keysmith.engine.table.Requests.gsi;
import static dev.keysmith.engine.table.Requests.hashTable;
import static dev.keysmith.engine.table.Requests.key;
import static dev.keysmith.engine.table.Requests.lsi;
import static dev.keysmith.engine.table.Requests.projection;
import static dev.keysmith.engine.table.Requests.throughput;
import static dev.keysmith.engine.table.Requests.validation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class CreateTableTest {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private final KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory());

    @AfterEach
    void close() {
        engine.close();
    }

    private static Arguments reject(String what, UnaryOperator<CreateTableRequest.Builder> request, String message) {
        return Arguments.of(what, request, message);
    }

    private static GlobalSecondaryIndex provisionedGsi(String name, String hashKey) {
        return gsi(name, hashKey, projection("ALL")).toBuilder()
                .provisionedThroughput(throughput(1L, 1L))
                .build();
    }

    /** Invalid requests and DynamoDB's answers; [LIVE] marks messages confirmed against DynamoDB (reference 7.3). */
    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                // [LIVE]
                reject(
                        "missing table name",
                        b -> b.tableName(null),
                        "The parameter 'TableName' is required but was not present in the request"),
                // [LIVE]
                reject(
                        "two-character table name",
                        b -> b.tableName("ab"),
                        "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member"
                                + " must have length greater than or equal to 3"),
                // [LIVE]
                reject(
                        "256-character table name",
                        b -> b.tableName("x".repeat(256)),
                        "1 validation error detected: Value '" + "x".repeat(256) + "' at 'tableName' failed to"
                                + " satisfy constraint: Member must have length less than or equal to 255"),
                // [LIVE]
                reject(
                        "table name with a bad character",
                        b -> b.tableName("abc!"),
                        "1 validation error detected: Value 'abc!' at 'tableName' failed to satisfy constraint:"
                                + " Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
                // [LIVE]
                reject(
                        "three key schema elements",
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("extra", "S"))
                                .keySchema(key("pk", "HASH"), key("sk", "RANGE"), key("extra", "RANGE")),
                        "1 validation error detected: Value '[KeySchemaElement(attributeName=pk, keyType=HASH),"
                                + " KeySchemaElement(attributeName=sk, keyType=RANGE),"
                                + " KeySchemaElement(attributeName=extra, keyType=RANGE)]' at 'keySchema' failed to"
                                + " satisfy constraint: Member must have length less than or equal to 2"),
                // [LIVE]
                reject(
                        "invalid key type",
                        b -> b.keySchema(key("pk", "INVALID")),
                        "1 validation error detected: Value 'INVALID' at 'keySchema.1.member.keyType' failed to"
                                + " satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]"),
                // [LIVE]
                reject(
                        "invalid attribute type",
                        b -> b.attributeDefinitions(attr("pk", "INVALID")),
                        "1 validation error detected: Value 'INVALID' at 'attributeDefinitions.1.member.attributeType'"
                                + " failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]"),
                reject(
                        "several shape errors are reported together",
                        b -> b.attributeDefinitions(attr("pk", "X")).tableName("ab"),
                        "2 validation errors detected: Value 'X' at 'attributeDefinitions.1.member.attributeType'"
                                + " failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]; Value"
                                + " 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater"
                                + " than or equal to 3"),
                reject(
                        "missing key schema",
                        b -> b.keySchema((List<software.amazon.awssdk.services.dynamodb.model.KeySchemaElement>) null),
                        "1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member"
                                + " must not be null"),
                reject(
                        "zero read capacity",
                        b -> b.provisionedThroughput(throughput(0L, 5L)),
                        "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed"
                                + " to satisfy constraint: Member must have value greater than or equal to 1"),
                // [LIVE]
                reject(
                        "the same attribute as hash and range key",
                        b -> b.keySchema(key("pk", "HASH"), key("pk", "RANGE")),
                        "Invalid KeySchema: Some index key attribute have no definition"),
                reject(
                        "a hash key without definition",
                        b -> b.keySchema(key("zz", "HASH")),
                        INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [zz],"
                                + " AttributeDefinitions: [pk]"),
                reject(
                        "range key listed first",
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("sk", "S"))
                                .keySchema(key("sk", "RANGE"), key("pk", "HASH")),
                        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"),
                reject(
                        "two hash keys",
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("sk", "S"))
                                .keySchema(key("pk", "HASH"), key("sk", "HASH")),
                        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"),
                reject(
                        "an attribute definition no key uses",
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("x", "S")),
                        INVALID + "Number of attributes in KeySchema does not exactly match number of attributes"
                                + " defined in AttributeDefinitions"),
                reject(
                        "on-demand with provisioned throughput",
                        b -> b.billingMode("PAY_PER_REQUEST"),
                        INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode"
                                + " is PAY_PER_REQUEST"),
                reject(
                        "provisioned without throughput",
                        b -> b.provisionedThroughput((ProvisionedThroughput) null),
                        INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is"
                                + " PROVISIONED"),
                // [LIVE]
                reject(
                        "an LSI on a table without range key",
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("l", "S"))
                                .localSecondaryIndexes(lsi("lsi", "l", projection("ALL"))),
                        INVALID + "Table KeySchema does not have a range key, which is required when specifying a"
                                + " LocalSecondaryIndex"),
                reject(
                        "an LSI with another hash key",
                        b -> compositeWithL(b)
                                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                                        .indexName("lsi")
                                        .keySchema(key("l", "HASH"), key("sk", "RANGE"))
                                        .projection(projection("ALL"))
                                        .build()),
                        INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for"
                                + " index: lsi. index hash key: l, table hash key: pk"),
                reject(
                        "an LSI without range key",
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("sk", "S"))
                                .keySchema(key("pk", "HASH"), key("sk", "RANGE"))
                                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                                        .indexName("lsi")
                                        .keySchema(key("pk", "HASH"))
                                        .projection(projection("ALL"))
                                        .build()),
                        INVALID + "Index KeySchema does not have a range key for index: lsi"),
                reject(
                        "six LSIs",
                        b -> compositeWithL(b)
                                .localSecondaryIndexes(IntStream.range(0, 6)
                                        .mapToObj(i -> lsi("lsi" + i, "l", projection("ALL")))
                                        .toList()),
                        INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5"),
                reject(
                        "twenty-one GSIs",
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                                .globalSecondaryIndexes(IntStream.range(0, 21)
                                        .mapToObj(i -> provisionedGsi("gsi" + i, "g"))
                                        .toList()),
                        INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20"),
                // [LIVE]
                reject(
                        "two indexes with the same name",
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("g1", "S"), attr("g2", "S"))
                                .globalSecondaryIndexes(
                                        provisionedGsi("sameIndex", "g1"), provisionedGsi("sameIndex", "g2")),
                        INVALID + "Duplicate index name: sameIndex"),
                reject(
                        "KEYS_ONLY with non-key attributes",
                        b -> compositeWithL(b).localSecondaryIndexes(lsi("lsi", "l", projection("KEYS_ONLY", "x"))),
                        INVALID + "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified"),
                reject(
                        "INCLUDE without non-key attributes",
                        b -> compositeWithL(b).localSecondaryIndexes(lsi("lsi", "l", projection("INCLUDE"))),
                        INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified"),
                reject(
                        "a projection without type",
                        b -> compositeWithL(b)
                                .localSecondaryIndexes(lsi(
                                        "lsi",
                                        "l",
                                        software.amazon.awssdk.services.dynamodb.model.Projection.builder()
                                                .build())),
                        INVALID + "Unknown ProjectionType: null"),
                reject(
                        "GSI throughput on an on-demand table",
                        b -> b.billingMode("PAY_PER_REQUEST")
                                .provisionedThroughput((ProvisionedThroughput) null)
                                .attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                                .globalSecondaryIndexes(provisionedGsi("gsi", "g")),
                        INVALID + "ProvisionedThroughput should not be specified for index: gsi when BillingMode is"
                                + " PAY_PER_REQUEST"),
                reject(
                        "a GSI without throughput on a provisioned table",
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                                .globalSecondaryIndexes(gsi("gsi", "g", projection("ALL"))),
                        INVALID + "ProvisionedThroughput is not specified for index: gsi"),
                reject(
                        "an empty GSI list",
                        b -> b.globalSecondaryIndexes(List.of()),
                        INVALID + "List of GlobalSecondaryIndexes is empty"),
                reject(
                        "a GSI key without definition",
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                                .globalSecondaryIndexes(provisionedGsi("gsi", "g"), provisionedGsi("gsi2", "q")),
                        INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [q],"
                                + " AttributeDefinitions: [pk, g]"),
                reject(
                        "a two-character index name",
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                                .globalSecondaryIndexes(provisionedGsi("ab", "g")),
                        "1 validation error detected: Value 'ab' at 'globalSecondaryIndexes.1.member.indexName' failed"
                                + " to satisfy constraint: Member must have length greater than or equal to 3"),
                reject(
                        "twenty-one non-key attributes",
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                                .globalSecondaryIndexes(gsi(
                                                "gsi",
                                                "g",
                                                projection(
                                                        "INCLUDE",
                                                        IntStream.range(0, 21)
                                                                .mapToObj(i -> "n" + i)
                                                                .toArray(String[]::new)))
                                        .toBuilder()
                                        .provisionedThroughput(throughput(1L, 1L))
                                        .build()),
                        "1 validation error detected: Value '["
                                + String.join(
                                        ", ",
                                        IntStream.range(0, 21)
                                                .mapToObj(i -> "n" + i)
                                                .toList())
                                + "]' at 'globalSecondaryIndexes.1.member.projection.nonKeyAttributes' failed to"
                                + " satisfy constraint: Member must have length less than or equal to 20"));
    }

    private static CreateTableRequest.Builder compositeWithL(CreateTableRequest.Builder b) {
        return b.attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("l", "S"))
                .keySchema(key("pk", "HASH"), key("sk", "RANGE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidRequestsAreRejectedWithDynamoDbsMessage(
            String what, UnaryOperator<CreateTableRequest.Builder> request, String message) {
        assertEquals(
                message,
                validation(
                        () -> engine.createTable(request.apply(hashTable("tbl")).build())));
        assertTrue(engine.listTables().tableNames().isEmpty(), "nothing was created");
    }

    @Test
    void anExtraAttributeDefinitionWithIndexesNamesTheDefinitionsAndTheKeysUsed() {
        String message = validation(() -> engine.createTable(hashTable("tbl")
                .attributeDefinitions(attr("pk", "S"), attr("g", "S"), attr("x", "S"))
                .globalSecondaryIndexes(provisionedGsi("gsi", "g"))
                .build()));
        assertTrue(
                message.startsWith(INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: [pk, g, x],"
                        + " keys used: ["),
                message);
    }

    @Test
    void streamSpecificationsThatContradictThemselvesAreRejected() {
        validation(() -> engine.createTable(hashTable("tbl")
                .streamSpecification(s -> s.streamEnabled(false).streamViewType("NEW_IMAGE"))
                .build()));
        validation(() -> engine.createTable(
                hashTable("tbl").streamSpecification(s -> s.streamEnabled(true)).build()));
    }

    @Test
    void creatingAnExistingTableFailsWithResourceInUse() {
        engine.createTable(hashTable("tbl").build());
        assertEquals(
                "Table already exists: tbl",
                error(
                        "ResourceInUseException",
                        () -> engine.createTable(hashTable("tbl").build())));
    }

    @Test
    void theResponseShowsCreating_thenDescribeShowsActive() {
        TableDescription created = engine.createTable(compositeTable("tbl")
                        .attributeDefinitions(attr("pk", "S"), attr("sk", "N"), attr("g", "S"))
                        .globalSecondaryIndexes(gsi("gsi", "g", projection("KEYS_ONLY")))
                        .build())
                .tableDescription();
        assertEquals(TableStatus.CREATING, created.tableStatus());
        assertEquals("CREATING", created.globalSecondaryIndexes().getFirst().indexStatusAsString());
        assertEquals(0L, created.itemCount());
        TableDescription described =
                engine.describeTable(b -> b.tableName("tbl")).table();
        assertEquals(TableStatus.ACTIVE, described.tableStatus());
        assertEquals("ACTIVE", described.globalSecondaryIndexes().getFirst().indexStatusAsString());
        assertEquals(created.tableId(), described.tableId());
        assertFalse(described.deletionProtectionEnabled());
    }
}
