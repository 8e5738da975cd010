package dev.keysmith.engine.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Minimal reproducers of differences the random sequences of {@link DynamoDbLocalRandomOpsTest} (and the engine's
 * conformance gaps) showed, now fixed: Keysmith answers as DynamoDB Local does.
 */
class AgreesWithDynamoDbLocalTest extends SideBySide {
    @Test
    void addWithABooleanOperand_failsWithTheTypeSetInTheMessage() {
        assertSameAsDynamoDbLocal(client -> client.updateItem(UpdateItemRequest.builder()
                .tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS("present")))
                .updateExpression("ADD a :b")
                .expressionAttributeValues(Map.of(":b", AttributeValue.fromBool(true)))
                .build()));
    }

    @Test
    void deleteWithANumberOperand_failsWithTheTypeSetInTheMessage() {
        assertSameAsDynamoDbLocal(client -> client.updateItem(UpdateItemRequest.builder()
                .tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS("present")))
                .updateExpression("DELETE a :n")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))
                .build()));
    }

    @Test
    void failedConditionCheck_reasonMessageEndsWithAPeriod() {
        assertSameAsDynamoDbLocal(client -> client.transactWriteItems(TransactWriteItemsRequest.builder()
                .transactItems(TransactWriteItem.builder()
                        .conditionCheck(ConditionCheck.builder()
                                .tableName(TABLE)
                                .key(Map.of("pk", AttributeValue.fromS("absent")))
                                .conditionExpression("attribute_exists(pk)")
                                .build())
                        .build())
                .build()));
    }

    @Test
    void orderingComparisonWithANumberSet_isAValidationError() {
        assertSameAsDynamoDbLocal(client -> client.putItem(PutItemRequest.builder()
                .tableName(TABLE)
                .item(Map.of("pk", AttributeValue.fromS("present")))
                .conditionExpression("a > :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromNs(List.of("1", "2"))))
                .build()));
    }

    @Test
    void removeListElementOfAMissingAttribute_isAnInvalidDocumentPath() {
        assertSameAsDynamoDbLocal(client -> client.updateItem(UpdateItemRequest.builder()
                .tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS("present")))
                .updateExpression("REMOVE l[2]")
                .build()));
    }

    @Test
    void numberSetWithEqualMembers_isRejectedInAnItem_likeDynamoDbLocal() {
        assertSameAsDynamoDbLocal(client -> client.putItem(PutItemRequest.builder()
                .tableName(TABLE)
                .item(Map.of("pk", AttributeValue.fromS("dup"), "ns", AttributeValue.fromNs(List.of("1", "1.0"))))
                .build()));
    }

    @Test
    void numberSetWithEqualMembers_isRejectedInExpressionAttributeValues() {
        assertSameAsDynamoDbLocal(client -> client.updateItem(UpdateItemRequest.builder()
                .tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS("dup")))
                .updateExpression("SET ns = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromNs(List.of("1", "1.0"))))
                .build()));
    }

    @Test
    void nestedPathUnderAnIndexKey_isRejectedAsNotScalar() {
        assertSameAsDynamoDbLocal(client -> client.updateItem(UpdateItemRequest.builder()
                .tableName(INDEXED)
                .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))
                .updateExpression("SET lsk.y = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromBool(false)))
                .build()));
    }

    /**
     * DynamoDB Local throws a plain ValidationException here; Keysmith cancels the transaction with a ValidationError
     * reason, the form DynamoDB documents for an action's validation errors (reference 7.2). The text is the same.
     */
    @Test
    void nestedPathUnderAnIndexKeyInATransaction_isRejectedAsNotScalar() {
        Function<DynamoDbClient, ?> call = client -> client.transactWriteItems(TransactWriteItemsRequest.builder()
                .transactItems(TransactWriteItem.builder()
                        .update(software.amazon.awssdk.services.dynamodb.model.Update.builder()
                                .tableName(INDEXED)
                                .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))
                                .updateExpression("REMOVE gsk[0]")
                                .build())
                        .build())
                .build());
        String message = "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed:"
                + " IndexKey: gsk";
        assertEquals("ValidationException: " + message, error(local.dynamoDbClient(), call));
        assertEquals("TransactionCanceledException [ValidationError: " + message + "]", error(keysmith, call));
    }

    private static Function<DynamoDbClient, ?> scanFilter(String operator, AttributeValue... values) {
        return client -> client.scan(ScanRequest.builder()
                .tableName(TABLE)
                .scanFilter(Map.of(
                        "a",
                        Condition.builder()
                                .comparisonOperator(operator)
                                .attributeValueList(values)
                                .build()))
                .build());
    }

    @Test
    void legacyBetweenWithOneValue_isAnInvalidNumberOfArguments() {
        assertSameAsDynamoDbLocal(scanFilter("BETWEEN", AttributeValue.fromN("1")));
    }

    @Test
    void legacyValueListWithAnEmptySet_isRejectedBeforeTheArgumentCount() {
        assertSameAsDynamoDbLocal(scanFilter("BETWEEN", AttributeValue.fromNs(List.of())));
        assertSameAsDynamoDbLocal(scanFilter("EQ", AttributeValue.fromSs(List.of())));
    }

    @Test
    void legacyValueListWithAFalseNull_isRejected() {
        assertSameAsDynamoDbLocal(scanFilter("NOT_NULL", AttributeValue.fromNul(false)));
    }

    @Test
    void legacyInWithAMap_namesTheMapType() {
        assertSameAsDynamoDbLocal(scanFilter("IN", AttributeValue.fromN("1"), AttributeValue.fromM(Map.of())));
    }

    @Test
    void legacyEqWithAMap_isAccepted() {
        assertSameAsDynamoDbLocal(scanFilter("EQ", AttributeValue.fromM(Map.of())));
    }

    @Test
    void expectedValueWithAnEmptySet_isRejected() {
        assertSameAsDynamoDbLocal(client -> client.putItem(PutItemRequest.builder()
                .tableName(TABLE)
                .item(Map.of("pk", AttributeValue.fromS("present")))
                .expected(Map.of(
                        "a",
                        ExpectedAttributeValue.builder()
                                .value(AttributeValue.fromNs(List.of()))
                                .build()))
                .build()));
    }

    @Test
    void keyConditionWithAnEmptyAttributeValue_isRejected() {
        assertSameAsDynamoDbLocal(client -> client.query(QueryRequest.builder()
                .tableName(TABLE)
                .keyConditions(Map.of(
                        "pk",
                        Condition.builder()
                                .comparisonOperator("EQ")
                                .attributeValueList(AttributeValue.builder().build())
                                .build()))
                .build()));
    }

    /** Which of a Query's expressions DynamoDB reports first is not documented; DynamoDB Local's order is followed. */
    @Test
    void queryWithSeveralBadExpressions_reportsFilterThenProjectionThenKeyCondition() {
        Map<String, AttributeValue> values = Map.of(
                ":p", AttributeValue.fromS("a"),
                ":lo", AttributeValue.fromN("5"),
                ":hi", AttributeValue.fromN("1"),
                ":m", AttributeValue.fromM(Map.of()));
        String keys = "pk = :p AND sk BETWEEN :lo AND :hi";
        assertSameAsDynamoDbLocal(client -> client.query(QueryRequest.builder()
                .tableName(INDEXED)
                .keyConditionExpression(keys)
                .filterExpression("x > :m")
                .projectionExpression("a, a")
                .expressionAttributeValues(values)
                .build()));
        assertSameAsDynamoDbLocal(client -> client.query(QueryRequest.builder()
                .tableName(INDEXED)
                .keyConditionExpression(keys)
                .projectionExpression("a, a")
                .expressionAttributeValues(
                        Map.of(":p", values.get(":p"), ":lo", values.get(":lo"), ":hi", values.get(":hi")))
                .build()));
    }

    @Test
    void documentPathOf33Elements_hasTooManyNestingLevels() {
        assertSameAsDynamoDbLocal(client -> client.putItem(PutItemRequest.builder()
                .tableName(TABLE)
                .item(Map.of("pk", AttributeValue.fromS("present")))
                .conditionExpression("attribute_exists(a" + ".b".repeat(32) + ")")
                .build()));
        assertSameAsDynamoDbLocal(client -> client.putItem(PutItemRequest.builder()
                .tableName(TABLE)
                .item(Map.of("pk", AttributeValue.fromS("present")))
                .conditionExpression("attribute_not_exists(a" + ".b".repeat(31) + ")")
                .build()));
    }

    @Test
    void updateNestingAValueBeyond32Levels_failsAtRunTime() {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("deep"));
        String path = "m" + ".x".repeat(30);
        for (DynamoDbClient client : clients()) {
            client.putItem(PutItemRequest.builder()
                    .tableName(TABLE)
                    .item(Map.of("pk", key.get("pk"), "m", wrapped(31)))
                    .build());
        }
        for (int depth : new int[] {1, 2}) {
            assertSameAsDynamoDbLocal(client -> client.updateItem(UpdateItemRequest.builder()
                    .tableName(TABLE)
                    .key(key)
                    .updateExpression("SET " + path + " = :v")
                    .expressionAttributeValues(Map.of(":v", wrapped(depth)))
                    .build()));
        }
    }

    /** A number wrapped in {@code depth} maps. */
    private static AttributeValue wrapped(int depth) {
        AttributeValue value = AttributeValue.fromN("1");
        for (int i = 0; i < depth; i++) {
            value = AttributeValue.fromM(Map.of("x", value));
        }
        return value;
    }

    @Test
    void binarySortKeyBounds_excludeKeysThatExtendTheBound() {
        for (DynamoDbClient client : clients()) {
            for (byte[] sk :
                    List.of(new byte[] {0}, new byte[] {0, 0}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFF, 0})) {
                client.putItem(PutItemRequest.builder()
                        .tableName(BINARY)
                        .item(Map.of(
                                "pk",
                                AttributeValue.fromN("1"),
                                "sk",
                                AttributeValue.fromB(SdkBytes.fromByteArray(sk))))
                        .build());
            }
        }
        for (String condition :
                List.of("pk = :p AND sk = :a", "pk = :p AND sk BETWEEN :a AND :b", "pk = :p AND sk <= :b")) {
            Function<DynamoDbClient, String> query = client -> Semantic.items(client.query(QueryRequest.builder()
                            .tableName(BINARY)
                            .keyConditionExpression(condition)
                            .expressionAttributeValues(values(condition))
                            .build())
                    .items());
            assertEquals(query.apply(local.dynamoDbClient()), query.apply(keysmith), condition);
        }
    }

    private static Map<String, AttributeValue> values(String condition) {
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        values.put(":p", AttributeValue.fromN("1"));
        if (condition.contains(":a")) {
            values.put(":a", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0})));
        }
        if (condition.contains(":b")) {
            values.put(":b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) 0xFF})));
        }
        return values;
    }
}
