package dev.keysmith.engine.partiql;

import dev.keysmith.engine.error.Errors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementError;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * DynamoDB's PartiQL API (ExecuteStatement, BatchExecuteStatement, ExecuteTransaction) over any
 * {@link DynamoDbClient}: each statement is parsed, then run as the item, query, scan or transaction operations it
 * stands for, so limits, capacity and errors are those of the engine's own operations.
 */
public final class PartiQl {
    static final int MAX_STATEMENT_LENGTH = 8192;
    static final int MAX_BATCH = 25;
    static final int MAX_TRANSACTION = 100;

    private final DynamoDbClient engine;
    private final SelectRunner selects;

    public PartiQl(DynamoDbClient engine) {
        this.engine = engine;
        this.selects = new SelectRunner(engine);
    }

    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
        checkStatement(request.statement(), "statement");
        if (request.limit() != null && request.limit() < 1) {
            throw Errors.validation("1 validation error detected: Value '" + request.limit()
                    + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        List<AttributeValue> params = request.parameters();
        Statement statement = parse(request.statement(), params);
        var onFailure = request.returnValuesOnConditionCheckFailure();
        return switch (statement) {
            case Statement.Select s -> selects.run(s, params, request);
            case Statement.Insert s -> {
                PutItemRequest put = Writes.insert(s, schema(s), params, onFailure).toBuilder()
                        .returnConsumedCapacity(request.returnConsumedCapacity())
                        .build();
                try {
                    yield ExecuteStatementResponse.builder()
                            .items(List.of())
                            .consumedCapacity(engine.putItem(put).consumedCapacity())
                            .build();
                } catch (ConditionalCheckFailedException e) {
                    throw Problems.duplicateItem();
                }
            }
            case Statement.Update s -> {
                UpdateItemResponse r = engine.updateItem(Writes.update(s, schema(s), params, onFailure).toBuilder()
                        .returnConsumedCapacity(request.returnConsumedCapacity())
                        .build());
                yield written(r.attributes(), r.consumedCapacity());
            }
            case Statement.Delete s -> {
                DeleteItemResponse r = engine.deleteItem(Writes.delete(s, schema(s), params, onFailure).toBuilder()
                        .returnConsumedCapacity(request.returnConsumedCapacity())
                        .build());
                yield written(r.attributes(), r.consumedCapacity());
            }
            case Statement.Exists s -> throw Problems.invalid(Problems.EXISTS_OUTSIDE_TX);
        };
    }

    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
        List<BatchStatementRequest> statements = request.statements();
        checkCount(statements, "statements", MAX_BATCH);
        List<Parsed> parsed = new ArrayList<>();
        for (BatchStatementRequest s : statements) {
            parsed.add(parseForBatch(s));
        }
        checkBatch(parsed, statements);
        List<BatchStatementResponse> responses = new ArrayList<>();
        Map<String, ConsumedCapacity> capacity = new LinkedHashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            responses.add(batchOne(statements.get(i), parsed.get(i), request, capacity));
        }
        var response = BatchExecuteStatementResponse.builder().responses(responses);
        if (!capacity.isEmpty()) {
            response.consumedCapacity(capacity.values());
        }
        return response.build();
    }

    /** One statement of a batch: parsed, or the error it will report on its own. */
    private record Parsed(
            @Nullable Statement statement, @Nullable DynamoDbException error) {}

    private static Parsed parseForBatch(BatchStatementRequest s) {
        try {
            checkStatement(s.statement(), "statement");
            return new Parsed(parse(s.statement(), s.parameters()), null);
        } catch (DynamoDbException e) {
            return new Parsed(null, e);
        }
    }

    /** A batch is all reads or all writes, and names each item at most once. */
    private void checkBatch(List<Parsed> parsed, List<BatchStatementRequest> statements) {
        long reads = parsed.stream()
                .filter(p -> p.statement() instanceof Statement.Select)
                .count();
        long writes = parsed.stream()
                .filter(p -> p.statement() != null && !(p.statement() instanceof Statement.Select))
                .count();
        if (reads > 0 && writes > 0) {
            throw Problems.invalid(Problems.BATCH_MIXED);
        }
        List<Map<String, AttributeValue>> seen = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            Map<String, AttributeValue> key = p.statement() == null
                    ? null
                    : itemKeyOrNull(p.statement(), statements.get(i).parameters());
            if (key == null) {
                continue;
            }
            for (Map<String, AttributeValue> other : seen) {
                if (sameItem(key, other)) {
                    throw Problems.invalid(Problems.BATCH_DUPLICATES);
                }
            }
            seen.add(key);
        }
    }

    /** The table and key a statement addresses (the table under an empty name), or null if it cannot tell yet. */
    private @Nullable Map<String, AttributeValue> itemKeyOrNull(Statement statement, List<AttributeValue> params) {
        try {
            KeySchema schema = KeySchema.of(engine, statement.table(), null);
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            key.put("", AttributeValue.fromS(statement.table()));
            switch (statement) {
                case Statement.Insert s -> {
                    Map<String, AttributeValue> item =
                            Values.of(s.item(), params, "root").m();
                    schema.names().forEach(n -> key.put(n, item.get(n)));
                }
                case Statement.Update s ->
                    key.putAll(Where.singleItem(s.where(), schema, params).key());
                case Statement.Delete s ->
                    key.putAll(Where.singleItem(s.where(), schema, params).key());
                case Statement.Select s ->
                    key.putAll(Where.singleItem(s.where(), schema, params).key());
                case Statement.Exists s -> {
                    return null;
                }
            }
            return key;
        } catch (RuntimeException e) {
            // A statement whose key cannot be read here reports its own error when it runs.
            return null;
        }
    }

    private static boolean sameItem(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (var e : a.entrySet()) {
            if (!dev.keysmith.engine.value.AttributeValues.equal(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private BatchStatementResponse batchOne(
            BatchStatementRequest s,
            Parsed parsed,
            BatchExecuteStatementRequest request,
            Map<String, ConsumedCapacity> capacity) {
        var response = BatchStatementResponse.builder();
        try {
            if (parsed.error() != null) {
                throw parsed.error();
            }
            Statement statement = java.util.Objects.requireNonNull(parsed.statement());
            response.tableName(statement.table());
            ExecuteStatementResponse r;
            if (statement instanceof Statement.Select select) {
                r = singleItemRead(
                        select, s.parameters(), s.consistentRead(), request.returnConsumedCapacityAsString());
            } else {
                r = executeStatement(ExecuteStatementRequest.builder()
                        .statement(s.statement())
                        .parameters(s.parameters())
                        .returnValuesOnConditionCheckFailure(s.returnValuesOnConditionCheckFailure())
                        .returnConsumedCapacity(request.returnConsumedCapacity())
                        .build());
            }
            if (!r.items().isEmpty()) {
                response.item(r.items().getFirst());
            }
            if (r.consumedCapacity() != null) {
                capacity.merge(r.consumedCapacity().tableName(), r.consumedCapacity(), CapacitySum::add);
            }
        } catch (DynamoDbException e) {
            var error = BatchStatementError.builder()
                    .code(batchCode(e))
                    .message(e.awsErrorDetails().errorMessage());
            if (e instanceof ConditionalCheckFailedException c && c.hasItem()) {
                error.item(c.item());
            }
            response.error(error.build());
        }
        return response.build();
    }

    /** A SELECT in a batch reads one item: the full primary key and nothing else. */
    private ExecuteStatementResponse singleItemRead(
            Statement.Select s, List<AttributeValue> params, @Nullable Boolean consistentRead, String capacity) {
        KeySchema schema = KeySchema.of(engine, s.table(), s.index());
        Where.SingleItem target;
        try {
            target = Where.singleItem(s.where(), schema, params);
        } catch (DynamoDbException e) {
            throw Problems.invalid(Problems.BATCH_SINGLE_SELECT);
        }
        if (s.index() != null || target.condition() != null || !s.orderBy().isEmpty()) {
            throw Problems.invalid(Problems.BATCH_SINGLE_SELECT);
        }
        return selects.run(
                s,
                params,
                ExecuteStatementRequest.builder()
                        .statement("")
                        .parameters(params)
                        .consistentRead(consistentRead)
                        .returnConsumedCapacity(capacity)
                        .build());
    }

    public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
        List<ParameterizedStatement> statements = request.transactStatements();
        checkCount(statements, "transactStatements", MAX_TRANSACTION);
        List<Statement> parsed = new ArrayList<>();
        for (ParameterizedStatement s : statements) {
            checkStatement(s.statement(), "statement");
            parsed.add(parse(s.statement(), s.parameters()));
        }
        long reads = parsed.stream().filter(s -> s instanceof Statement.Select).count();
        if (reads == parsed.size()) {
            return transactGet(parsed, statements, request);
        }
        if (reads > 0) {
            throw Problems.invalid(Problems.TX_MIXED);
        }
        return transactWrite(parsed, statements, request);
    }

    private ExecuteTransactionResponse transactGet(
            List<Statement> parsed, List<ParameterizedStatement> statements, ExecuteTransactionRequest request) {
        List<TransactGetItem> gets = new ArrayList<>();
        List<Statement.Select> selectList = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            Statement.Select s = (Statement.Select) parsed.get(i);
            if (s.index() != null) {
                throw Problems.inTransaction(i, Problems.TX_INDEX_READ);
            }
            KeySchema schema = KeySchema.of(engine, s.table(), null);
            Where.SingleItem target;
            try {
                target = Where.singleItem(s.where(), schema, statements.get(i).parameters());
            } catch (DynamoDbException e) {
                throw Problems.inTransaction(i, Problems.TX_READ_KEYS);
            }
            if (target.condition() != null) {
                throw Problems.inTransaction(i, Problems.TX_READ_KEYS);
            }
            gets.add(TransactGetItem.builder()
                    .get(Get.builder().tableName(s.table()).key(target.key()).build())
                    .build());
            selectList.add(s);
        }
        TransactGetItemsResponse r = engine.transactGetItems(
                b -> b.transactItems(gets).returnConsumedCapacity(request.returnConsumedCapacity()));
        List<ItemResponse> responses = new ArrayList<>();
        for (int i = 0; i < r.responses().size(); i++) {
            ItemResponse ir = r.responses().get(i);
            responses.add(
                    ir.hasItem()
                            ? ItemResponse.builder()
                                    .item(SelectRunner.project(
                                            ir.item(), selectList.get(i).projection()))
                                    .build()
                            : ir);
        }
        var response = ExecuteTransactionResponse.builder().responses(responses);
        if (r.hasConsumedCapacity()) {
            response.consumedCapacity(r.consumedCapacity());
        }
        return response.build();
    }

    private ExecuteTransactionResponse transactWrite(
            List<Statement> parsed, List<ParameterizedStatement> statements, ExecuteTransactionRequest request) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            List<AttributeValue> params = statements.get(i).parameters();
            ReturnValuesOnConditionCheckFailure onFailure = statements.get(i).returnValuesOnConditionCheckFailure();
            writes.add(transactWriteItem(i, parsed.get(i), params, onFailure));
        }
        TransactWriteItemsResponse r;
        try {
            r = engine.transactWriteItems(b -> b.transactItems(writes)
                    .clientRequestToken(request.clientRequestToken())
                    .returnConsumedCapacity(request.returnConsumedCapacity()));
        } catch (TransactionCanceledException e) {
            throw duplicateInserts(e, parsed);
        }
        var response = ExecuteTransactionResponse.builder();
        if (r.hasConsumedCapacity()) {
            response.consumedCapacity(r.consumedCapacity());
        }
        return response.build();
    }

    private TransactWriteItem transactWriteItem(
            int index,
            Statement statement,
            List<AttributeValue> params,
            @Nullable ReturnValuesOnConditionCheckFailure onFailure) {
        boolean returning = statement instanceof Statement.Update u && u.returning() != null
                || statement instanceof Statement.Delete d && d.returning() != null;
        if (returning) {
            throw Problems.inTransaction(index, Problems.TX_RETURNING);
        }
        return switch (statement) {
            case Statement.Insert s -> {
                PutItemRequest p = Writes.insert(s, schema(s), params, onFailure);
                yield TransactWriteItem.builder()
                        .put(b -> b.tableName(p.tableName())
                                .item(p.item())
                                .conditionExpression(p.conditionExpression())
                                .expressionAttributeNames(p.expressionAttributeNames())
                                .returnValuesOnConditionCheckFailure(onFailure))
                        .build();
            }
            case Statement.Update s -> {
                var u = Writes.update(s, schema(s), params, onFailure);
                yield TransactWriteItem.builder()
                        .update(b -> b.tableName(u.tableName())
                                .key(u.key())
                                .updateExpression(u.updateExpression())
                                .conditionExpression(u.conditionExpression())
                                .expressionAttributeNames(u.expressionAttributeNames())
                                .expressionAttributeValues(
                                        u.hasExpressionAttributeValues() ? u.expressionAttributeValues() : null)
                                .returnValuesOnConditionCheckFailure(onFailure))
                        .build();
            }
            case Statement.Delete s -> {
                var d = Writes.delete(s, schema(s), params, onFailure);
                yield TransactWriteItem.builder()
                        .delete(b -> b.tableName(d.tableName())
                                .key(d.key())
                                .conditionExpression(d.conditionExpression())
                                .expressionAttributeNames(
                                        d.hasExpressionAttributeNames() ? d.expressionAttributeNames() : null)
                                .expressionAttributeValues(
                                        d.hasExpressionAttributeValues() ? d.expressionAttributeValues() : null)
                                .returnValuesOnConditionCheckFailure(onFailure))
                        .build();
            }
            case Statement.Exists s -> {
                if (s.select().index() != null) {
                    throw Problems.inTransaction(index, Problems.TX_INDEX_WRITE);
                }
                KeySchema schema = KeySchema.of(engine, s.table(), null);
                if (Where.singleItem(s.select().where(), schema, params).condition() == null) {
                    throw Problems.inTransaction(index, Problems.EXISTS_WITHOUT_CONDITION);
                }
                yield TransactWriteItem.builder()
                        .conditionCheck(Writes.exists(s, schema, params, onFailure))
                        .build();
            }
            case Statement.Select s -> throw Problems.invalid(Problems.TX_MIXED);
        };
    }

    /**
     * A failed INSERT inside a transaction is reported as DynamoDB Local 2.6.1 reports it: a {@code ValidationError}
     * whose message is "Duplicate primary key exists in table", not as a failed condition.
     */
    private static DynamoDbException duplicateInserts(TransactionCanceledException e, List<Statement> parsed) {
        List<CancellationReason> reasons = new ArrayList<>();
        for (int i = 0; i < e.cancellationReasons().size(); i++) {
            CancellationReason reason = e.cancellationReasons().get(i);
            if (parsed.get(i) instanceof Statement.Insert && "ConditionalCheckFailed".equals(reason.code())) {
                reason = CancellationReason.builder()
                        .code("ValidationError")
                        .message(Problems.DUPLICATE_ITEM)
                        .item(reason.hasItem() ? reason.item() : null)
                        .build();
            }
            reasons.add(reason);
        }
        return Errors.transactionCanceled(reasons);
    }

    private KeySchema schema(Statement s) {
        return KeySchema.of(engine, s.table(), null);
    }

    private static ExecuteStatementResponse written(
            @Nullable Map<String, AttributeValue> attributes, @Nullable ConsumedCapacity capacity) {
        boolean any = attributes != null && !attributes.isEmpty();
        return ExecuteStatementResponse.builder()
                .items(any ? List.of(attributes) : List.of())
                .consumedCapacity(capacity)
                .build();
    }

    private static Statement parse(String text, List<AttributeValue> params) {
        Parser.Parsed parsed = Parser.parse(text);
        if (parsed.parameterCount() != params.size()) {
            throw Problems.invalid(Problems.PARAMETER_COUNT);
        }
        return parsed.statement();
    }

    /** The request-shape check of a statement's length (1 to 8,192 characters). */
    private static void checkStatement(@Nullable String statement, String field) {
        String prefix = "1 validation error detected: Value ";
        if (statement == null) {
            throw Errors.validation(
                    prefix + "null at '" + field + "' failed to satisfy constraint: Member must not be null");
        }
        if (statement.isEmpty() || statement.length() > MAX_STATEMENT_LENGTH) {
            throw Errors.validation(prefix + "'" + statement + "' at '" + field
                    + "' failed to satisfy constraint: Member must have length "
                    + (statement.isEmpty() ? "greater than or equal to 1" : "less than or equal to 8192"));
        }
    }

    private static void checkCount(List<?> list, String field, int max) {
        if (list.isEmpty() || list.size() > max) {
            throw Errors.validation("1 validation error detected: Value '" + list + "' at '" + field
                    + "' failed to satisfy constraint: Member must have length "
                    + (list.isEmpty() ? "greater than or equal to 1" : "less than or equal to " + max));
        }
    }

    /** BatchStatementError codes: the exception name without its suffix, and "...Error" for two of them. */
    private static String batchCode(DynamoDbException e) {
        String code = Errors.code(e);
        return switch (code) {
            case "ValidationException" -> "ValidationError";
            case "ThrottlingException" -> "ThrottlingError";
            default -> code.endsWith("Exception") ? code.substring(0, code.length() - "Exception".length()) : code;
        };
    }
}
