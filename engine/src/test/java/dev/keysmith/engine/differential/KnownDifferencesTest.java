package dev.keysmith.engine.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Minimal reproducers where Keysmith and DynamoDB Local still answer differently: the order of two checks that
 * DynamoDB does not document, or DynamoDB Local straying from DynamoDB's documentation (where the documentation wins).
 * Each is {@code @Disabled}; the random test normalises the same case (see {@link Messages}, {@link UpdatedPaths}).
 */
class KnownDifferencesTest extends SideBySide {
    @Test
    @Disabled("order of checks, undocumented: Keysmith rejects a key-attribute update before the condition")
    void keyAttributeUpdateWithAFailingCondition_failsTheCondition() {
        assertSameAsDynamoDbLocal(client -> client.updateItem(UpdateItemRequest.builder()
                .tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS("absent")))
                .updateExpression("SET pk = :v")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("b")))
                .build()));
    }

    @Test
    @Disabled("DynamoDB Local returns the whole top-level attribute; DynamoDB returns only the updated path within it"
            + " (scylladb test_returnvalues.py, run against DynamoDB; ItemOperationsTest checks Keysmith)")
    void updatedNewOfANestedPath_returnsOnlyThatPath() {
        Function<DynamoDbClient, String> update = client -> {
            client.putItem(PutItemRequest.builder()
                    .tableName(TABLE)
                    .item(Map.of(
                            "pk",
                            AttributeValue.fromS("nested"),
                            "a",
                            AttributeValue.fromM(
                                    Map.of("b", AttributeValue.fromN("1"), "c", AttributeValue.fromN("2")))))
                    .build());
            return Semantic.item(client.updateItem(UpdateItemRequest.builder()
                            .tableName(TABLE)
                            .key(Map.of("pk", AttributeValue.fromS("nested")))
                            .updateExpression("SET a.b = :v")
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("9")))
                            .returnValues(ReturnValue.UPDATED_NEW)
                            .build())
                    .attributes());
        };
        assertEquals(update.apply(local.dynamoDbClient()), update.apply(keysmith));
    }

    @Test
    @Disabled("DynamoDB Local leaves out LastEvaluatedKey here; DynamoDB documents it whenever Limit is reached")
    void queryOnAHashOnlyTableReachingTheLimit_returnsALastEvaluatedKey() {
        Function<DynamoDbClient, Boolean> query = client -> client.query(QueryRequest.builder()
                        .tableName(TABLE)
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("present")))
                        .limit(1)
                        .build())
                .hasLastEvaluatedKey();
        assertEquals(query.apply(local.dynamoDbClient()), query.apply(keysmith));
    }
}
