package dev.keysmith.engine.conformance;

import static dev.keysmith.engine.conformance.Fixtures.assertError;
import static dev.keysmith.engine.conformance.Fixtures.item;
import static dev.keysmith.engine.conformance.Fixtures.n;
import static dev.keysmith.engine.conformance.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Global and local secondary indexes: maintenance, sparse entries, projections, queries and their capacity. */
@ParameterizedClass
@EnumSource(Target.class)
class SecondaryIndexTest {
    @Parameter
    Target target;

    Target.Session session;
    DynamoDbClient ddb;

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.HASH)
                .build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.RANGE)
                .build();
    }

    private static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    @BeforeEach
    void open() {
        session = target.open();
        ddb = session.client();
        ddb.createTable(b -> b.tableName("tbl")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(hash("pk"), range("sk"))
                .attributeDefinitions(
                        def("pk", ScalarAttributeType.S),
                        def("sk", ScalarAttributeType.S),
                        def("g1", ScalarAttributeType.S),
                        def("g2", ScalarAttributeType.S),
                        def("lsk", ScalarAttributeType.N))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                                .indexName("GSI1")
                                .keySchema(hash("g1"))
                                .projection(Projection.builder()
                                        .projectionType(ProjectionType.KEYS_ONLY)
                                        .build())
                                .build(),
                        GlobalSecondaryIndex.builder()
                                .indexName("GSI2")
                                .keySchema(hash("g2"), range("sk"))
                                .projection(Projection.builder()
                                        .projectionType(ProjectionType.ALL)
                                        .build())
                                .build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName("LSI1")
                        .keySchema(hash("pk"), range("lsk"))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("inc")
                                .build())
                        .build()));
    }

    @AfterEach
    void close() throws Exception {
        session.close();
    }

    @Test
    void indexWritesAreMeteredAsTheReferenceExampleShows() {
        // Reference 2.3: a new 3,000-byte item in a table with GSI1 (KEYS_ONLY) and GSI2 (ALL):
        // table 3 WCU + GSI1 1 + GSI2 3 = 7 WCU.
        var base = item("pk", s("a"), "sk", s("1"), "g1", s("x"), "g2", s("y"));
        int keysAndIndexKeys = 2 + 1 + 2 + 1 + 2 + 1 + 2 + 1; // 12 bytes
        base.put("d", s("z".repeat(3000 - keysAndIndexKeys - 1)));
        ConsumedCapacity put = ddb.putItem(
                        b -> b.tableName("tbl").item(base).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity();
        assertEquals(7.0, put.capacityUnits());
        assertEquals(3.0, put.table().capacityUnits());
        assertEquals(1.0, put.globalSecondaryIndexes().get("GSI1").capacityUnits());
        assertEquals(3.0, put.globalSecondaryIndexes().get("GSI2").capacityUnits());

        // Changing only GSI1's key: table 3 + GSI1 delete + put (2) + GSI2 unchanged projection? No: ALL re-projects
        // g1.
        ConsumedCapacity update = ddb.updateItem(b -> b.tableName("tbl")
                        .key(item("pk", s("a"), "sk", s("1")))
                        .updateExpression("SET g1 = :v")
                        .expressionAttributeValues(Map.of(":v", s("w")))
                        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity();
        assertEquals(3.0, update.table().capacityUnits());
        assertEquals(2.0, update.globalSecondaryIndexes().get("GSI1").capacityUnits());
        assertEquals(3.0, update.globalSecondaryIndexes().get("GSI2").capacityUnits());
    }

    @Test
    void itemsWithoutTheIndexKeyAreNotIndexed() {
        ddb.putItem(b -> b.tableName("tbl").item(item("pk", s("a"), "sk", s("1"), "g1", s("x"))));
        ddb.putItem(b -> b.tableName("tbl").item(item("pk", s("b"), "sk", s("1"))));
        ddb.putItem(b -> b.tableName("tbl").item(item("pk", s("c"), "sk", s("1"), "g1", s("x"))));
        var r = ddb.scan(b -> b.tableName("tbl").indexName("GSI1"));
        assertEquals(2, r.count());
        var q = ddb.query(b -> b.tableName("tbl")
                .indexName("GSI1")
                .keyConditionExpression("g1 = :x")
                .expressionAttributeValues(Map.of(":x", s("x"))));
        assertEquals(2, q.count());
        assertEquals(Map.of("pk", s("a"), "sk", s("1"), "g1", s("x")), q.items().getFirst(), "KEYS_ONLY entry");
        // Removing the index key removes the entry.
        ddb.updateItem(
                b -> b.tableName("tbl").key(item("pk", s("a"), "sk", s("1"))).updateExpression("REMOVE g1"));
        assertEquals(1, ddb.scan(b -> b.tableName("tbl").indexName("GSI1")).count());
    }

    @Test
    void indexQueriesReturnTheLastEvaluatedKeyWithIndexAndTableKeys() {
        for (int i = 0; i < 3; i++) {
            int k = i;
            ddb.putItem(b -> b.tableName("tbl").item(item("pk", s("p" + k), "sk", s("1"), "g2", s("same"))));
        }
        var r = ddb.query(b -> b.tableName("tbl")
                .indexName("GSI2")
                .keyConditionExpression("g2 = :g")
                .expressionAttributeValues(Map.of(":g", s("same")))
                .limit(2));
        assertEquals(Map.of("pk", r.items().get(1).get("pk"), "sk", s("1"), "g2", s("same")), r.lastEvaluatedKey());
        var rest = ddb.query(b -> b.tableName("tbl")
                .indexName("GSI2")
                .keyConditionExpression("g2 = :g")
                .expressionAttributeValues(Map.of(":g", s("same")))
                .exclusiveStartKey(r.lastEvaluatedKey()));
        assertEquals(1, rest.count());
    }

    @Test
    void globalIndexRules() {
        assertError(
                "ValidationException",
                "Consistent reads are not supported on global secondary indexes",
                () -> ddb.query(b -> b.tableName("tbl")
                        .indexName("GSI1")
                        .consistentRead(true)
                        .keyConditionExpression("g1 = :x")
                        .expressionAttributeValues(Map.of(":x", s("x")))));
        assertError(
                "ValidationException",
                "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global"
                        + " secondary index GSI1 because its projection type is not ALL",
                () -> ddb.query(b -> b.tableName("tbl")
                        .indexName("GSI1")
                        .select(Select.ALL_ATTRIBUTES)
                        .keyConditionExpression("g1 = :x")
                        .expressionAttributeValues(Map.of(":x", s("x")))));
        assertError(
                "ValidationException",
                "One or more parameter values were invalid: Type mismatch for Index Key lsk Expected: N Actual: S"
                        + " IndexName: LSI1",
                () -> ddb.putItem(b -> b.tableName("tbl").item(item("pk", s("a"), "sk", s("1"), "lsk", s("x")))));
    }

    @Test
    void localIndexQueryFetchesUnprojectedAttributesFromTheTable() {
        ddb.putItem(b -> b.tableName("tbl")
                .item(item("pk", s("a"), "sk", s("1"), "lsk", n("5"), "inc", s("i"), "other", s("o"))));
        var projected = ddb.query(b -> b.tableName("tbl")
                .indexName("LSI1")
                .keyConditionExpression("pk = :p AND lsk > :v")
                .expressionAttributeValues(Map.of(":p", s("a"), ":v", n("1")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertFalse(projected.items().getFirst().containsKey("other"));
        assertTrue(projected.items().getFirst().containsKey("inc"));
        assertEquals(0.0, projected.consumedCapacity().table().capacityUnits());
        assertEquals(
                0.5,
                projected.consumedCapacity().localSecondaryIndexes().get("LSI1").capacityUnits());

        var all = ddb.query(b -> b.tableName("tbl")
                .indexName("LSI1")
                .select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("pk = :p AND lsk > :v")
                .expressionAttributeValues(Map.of(":p", s("a"), ":v", n("1")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(s("o"), all.items().getFirst().get("other"));
        // Reference 2.2: index entries summed and rounded, plus each fetched item rounded up individually.
        assertEquals(0.5, all.consumedCapacity().table().capacityUnits());
        assertEquals(1.0, all.consumedCapacity().capacityUnits());
        assertEquals(
                List.of("a"), all.items().stream().map(i -> i.get("pk").s()).toList());
    }
}
