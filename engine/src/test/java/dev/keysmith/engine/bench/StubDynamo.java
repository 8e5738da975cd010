package dev.keysmith.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * An endpoint backend that answers GetItem, PutItem, BatchWriteItem and Query correctly for the benchmark's data set and does no work:
 * the responses are prebuilt. Behind the same wire server it shows the ceiling the client and HTTP layer allow.
 */
public final class StubDynamo implements DynamoDbClient {
    private final GetItemResponse get;
    private final QueryResponse query;

    public StubDynamo() {
        String payload = "y".repeat(200);
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS("q1"),
                "sk", AttributeValue.fromN("7"),
                "data", AttributeValue.fromS(payload));
        get = GetItemResponse.builder().item(item).build();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(Map.of(
                    "pk", AttributeValue.fromS("q1"),
                    "sk", AttributeValue.fromN(String.valueOf(i)),
                    "data", AttributeValue.fromS(payload)));
        }
        query = QueryResponse.builder()
                .items(items)
                .count(100)
                .scannedCount(100)
                .build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return get;
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return PutItemResponse.builder().build();
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        return BatchWriteItemResponse.builder().unprocessedItems(Map.of()).build();
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return query;
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {}
}
