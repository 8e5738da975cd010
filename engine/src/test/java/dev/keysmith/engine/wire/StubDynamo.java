package dev.keysmith.engine.wire;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * A scripted {@link DynamoDbClient}: it records the decoded requests of a few operations and answers with whatever
 * {@link #answer} returns (or throws). Every other operation keeps the SDK interface's default, which throws
 * {@code UnsupportedOperationException}.
 */
final class StubDynamo implements DynamoDbClient {
    final List<DynamoDbRequest> received = new CopyOnWriteArrayList<>();
    volatile Function<DynamoDbRequest, DynamoDbResponse> answer = request -> {
        throw new IllegalStateException("no answer scripted");
    };

    @SuppressWarnings("unchecked")
    private <T extends DynamoDbResponse> T respond(DynamoDbRequest request) {
        received.add(request);
        return (T) answer.apply(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return respond(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return respond(request);
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return respond(request);
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        return respond(request);
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {}
}
