package dev.keysmith.engine.differential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Generates random data-plane requests over {@link Tables} and turns each client's answer into a canonical outcome text
 * (see {@link Semantic}), so that two implementations agree exactly when their outcome texts are equal.
 */
final class Steps {
    /** One request: how to describe it on failure and how to run it against a client. */
    record Step(String description, Function<DynamoDbClient, String> run) {}

    private static final List<String> ATTRIBUTES = List.of("a", "b", "c", "n", "l", "m", "ss", "ns", "bs");
    private static final List<String> NESTED = List.of("x", "y");

    private final Random random;
    private final Values values;
    private final long seed;

    Steps(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.values = new Values(random);
    }

    Step next() {
        Tables table = values.pick(List.of(Tables.values()));
        int roll = random.nextInt(100);
        if (roll < 22) {
            return put(table);
        } else if (roll < 44) {
            return update(table);
        } else if (roll < 52) {
            return delete(table);
        } else if (roll < 62) {
            return get(table);
        } else if (roll < 76) {
            return query(table);
        } else if (roll < 82) {
            return scan(table);
        } else if (roll < 90) {
            return batchWrite(table);
        }
        return transactWrite();
    }

    /** The whole content of a table, sorted, and of its GSI when it has one. */
    Step fullScan(Tables table) {
        String name = table.name(seed);
        return new Step("full scan of " + name, client -> {
            List<Map<String, AttributeValue>> all = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                ScanResponse page = client.scan(ScanRequest.builder()
                        .tableName(name)
                        .exclusiveStartKey(start)
                        .build());
                all.addAll(page.items());
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            String text = "table " + Semantic.sortedItems(all);
            if (table.indexed()) {
                ScanResponse gsi = client.scan(ScanRequest.builder()
                        .tableName(name)
                        .indexName(Tables.GSI)
                        .build());
                ScanResponse lsi = client.scan(ScanRequest.builder()
                        .tableName(name)
                        .indexName(Tables.LSI)
                        .build());
                text += "\ngsi " + Semantic.sortedItems(gsi.items()) + "\nlsi " + Semantic.sortedItems(lsi.items());
            }
            return text;
        });
    }

    // ---------------------------------------------------------------- items and keys

    private Map<String, AttributeValue> key(Tables table) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(table.hash.name(), values.key(table.hash.type()));
        if (table.range != null) {
            key.put(table.range.name(), values.key(table.range.type()));
        }
        return key;
    }

    private Map<String, AttributeValue> item(Tables table) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(table));
        for (String attribute : ATTRIBUTES) {
            if (random.nextInt(3) == 0) {
                item.put(attribute, values.any(2));
            }
        }
        if (table.indexed()) {
            for (Tables.Key k : List.of(Tables.GSI_HASH, Tables.GSI_RANGE, Tables.LSI_RANGE)) {
                int roll = random.nextInt(10);
                if (roll < 6) {
                    item.put(k.name(), values.key(k.type()));
                } else if (roll == 6) {
                    item.put(k.name(), values.any(0)); // usually the wrong type for an index key
                }
            }
        }
        return item;
    }

    // ---------------------------------------------------------------- expressions

    private String path(Expr expr) {
        String top = values.pick(ATTRIBUTES);
        return switch (random.nextInt(6)) {
            case 0 -> expr.name("m") + "." + expr.name(values.pick(NESTED));
            case 1 -> expr.name("l") + "[" + random.nextInt(3) + "]";
            default -> expr.name(top);
        };
    }

    private String condition(Expr expr, int depth) {
        int roll = random.nextInt(depth > 0 ? 14 : 11);
        return switch (roll) {
            case 0 -> "attribute_exists(" + path(expr) + ")";
            case 1 -> "attribute_not_exists(" + path(expr) + ")";
            case 2 -> path(expr) + " " + values.pick(List.of("=", "<>")) + " " + expr.value(values.any(1));
            case 10 ->
                path(expr) + " " + values.pick(List.of("<", "<=", ">", ">=")) + " "
                        + expr.value(
                                random.nextInt(4) == 0
                                        ? values.any(1)
                                        : values.key(values.pick(List.of('S', 'N', 'B'))));
            case 3 -> path(expr) + " = " + expr.value(AttributeValue.fromN(values.number()));
            case 4 -> "begins_with(" + path(expr) + ", " + expr.value(AttributeValue.fromS(values.string())) + ")";
            case 5 -> "contains(" + path(expr) + ", " + expr.value(values.any(0)) + ")";
            case 6 ->
                "size(" + path(expr) + ") " + values.pick(List.of("<", ">=", "=")) + " "
                        + expr.value(AttributeValue.fromN(String.valueOf(random.nextInt(4))));
            case 7 ->
                "attribute_type(" + path(expr) + ", "
                        + expr.value(AttributeValue.fromS(
                                values.pick(List.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS"))))
                        + ")";
            case 8 -> path(expr) + " IN (" + expr.value(values.any(0)) + ", " + expr.value(values.any(0)) + ")";
            case 9 ->
                path(expr) + " BETWEEN " + expr.value(AttributeValue.fromN(values.number())) + " AND "
                        + expr.value(AttributeValue.fromN(values.number()));
            case 11 -> "(" + condition(expr, depth - 1) + ") AND (" + condition(expr, depth - 1) + ")";
            case 12 -> "(" + condition(expr, depth - 1) + ") OR (" + condition(expr, depth - 1) + ")";
            default -> "NOT (" + condition(expr, depth - 1) + ")";
        };
    }

    private String keyCondition(Tables table, Expr expr) {
        return "attribute_" + (random.nextBoolean() ? "" : "not_") + "exists(" + expr.name(table.hash.name()) + ")";
    }

    private String writeCondition(Tables table, Expr expr) {
        return random.nextInt(3) == 0 ? keyCondition(table, expr) : condition(expr, 1);
    }

    private String projection(Expr expr, Tables table) {
        StringJoiner joiner = new StringJoiner(", ");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            joiner.add(random.nextInt(5) == 0 ? expr.name(table.hash.name()) : path(expr));
        }
        return joiner.toString();
    }

    /**
     * SET/REMOVE/ADD/DELETE clauses over distinct top-level attributes (so paths never overlap); the path each action
     * writes goes into {@code written}.
     */
    private String updateExpression(Tables table, Expr expr, UpdatedPaths written) {
        Map<String, List<String>> clauses = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        int actions = 1 + random.nextInt(3);
        for (int i = 0; i < actions; i++) {
            String attribute = random.nextInt(30) == 0 ? table.hash.name() : values.pick(ATTRIBUTES);
            if (table.indexed() && random.nextInt(6) == 0) {
                attribute = values.pick(List.of("gpk", "gsk", "lsk"));
            }
            if (!used.add(attribute)) {
                continue;
            }
            String name = expr.name(attribute);
            int roll = random.nextInt(12);
            switch (roll) {
                case 0, 1 ->
                    clauses.computeIfAbsent("SET", k -> new ArrayList<>())
                            .add(name + " = " + expr.value(valueFor(table, attribute)));
                case 2 ->
                    clauses.computeIfAbsent("SET", k -> new ArrayList<>())
                            .add(name + " = if_not_exists(" + name + ", " + expr.value(valueFor(table, attribute))
                                    + ")");
                case 3 ->
                    clauses.computeIfAbsent("SET", k -> new ArrayList<>())
                            .add(name + " = list_append("
                                    + (random.nextBoolean()
                                            ? name
                                            : "if_not_exists(" + name + ", "
                                                    + expr.value(AttributeValue.fromL(List.of())) + ")")
                                    + ", " + expr.value(values.list(1)) + ")");
                case 4 ->
                    clauses.computeIfAbsent("SET", k -> new ArrayList<>())
                            .add(name + " = " + name + (random.nextBoolean() ? " + " : " - ")
                                    + expr.value(AttributeValue.fromN(values.number())));
                case 5 -> {
                    String nested = values.pick(NESTED);
                    written.add(attribute, nested);
                    clauses.computeIfAbsent("SET", k -> new ArrayList<>())
                            .add(name + "." + expr.name(nested) + " = " + expr.value(values.any(1)));
                }
                case 6 ->
                    clauses.computeIfAbsent("REMOVE", k -> new ArrayList<>()).add(name);
                case 7 -> {
                    int index = random.nextInt(3);
                    written.add(attribute, index);
                    clauses.computeIfAbsent("REMOVE", k -> new ArrayList<>()).add(name + "[" + index + "]");
                }
                case 8, 9 ->
                    clauses.computeIfAbsent("ADD", k -> new ArrayList<>()).add(name + " " + expr.value(addOperand()));
                default ->
                    clauses.computeIfAbsent("DELETE", k -> new ArrayList<>())
                            .add(name + " " + expr.value(addOperand()));
            }
        }
        StringJoiner joiner = new StringJoiner(" ");
        clauses.forEach((keyword, list) -> joiner.add(keyword + " " + String.join(", ", list)));
        return joiner.toString();
    }

    private AttributeValue valueFor(Tables table, String attribute) {
        return switch (attribute) {
            case "gpk", "lsk" -> random.nextInt(5) == 0 ? values.any(0) : values.key('S');
            case "gsk" -> random.nextInt(5) == 0 ? values.any(0) : values.key('N');
            default -> attribute.equals(table.hash.name()) ? values.key(table.hash.type()) : values.any(2);
        };
    }

    private AttributeValue addOperand() {
        AttributeValue any = values.any(0);
        return switch (any.type()) {
            case SS, NS, BS, N -> any;
            default -> random.nextBoolean() ? AttributeValue.fromN(values.number()) : any;
        };
    }

    private ReturnValue returnValues(List<ReturnValue> choices) {
        return values.pick(choices);
    }

    // ---------------------------------------------------------------- requests

    private Step put(Tables table) {
        Expr expr = new Expr();
        PutItemRequest.Builder b =
                PutItemRequest.builder().tableName(table.name(seed)).item(item(table));
        if (random.nextBoolean()) {
            b.conditionExpression(writeCondition(table, expr));
        }
        if (random.nextBoolean()) {
            b.returnValues(returnValues(List.of(ReturnValue.NONE, ReturnValue.ALL_OLD)));
        }
        PutItemRequest request = b.expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .build();
        return new Step(
                request.toString(),
                client -> outcome(() ->
                        "attributes " + Semantic.item(client.putItem(request).attributes())));
    }

    private Step update(Tables table) {
        Expr expr = new Expr();
        UpdatedPaths written = new UpdatedPaths();
        UpdateItemRequest.Builder b = UpdateItemRequest.builder()
                .tableName(table.name(seed))
                .key(key(table))
                .updateExpression(updateExpression(table, expr, written));
        if (random.nextInt(3) == 0) {
            b.conditionExpression(writeCondition(table, expr));
        }
        b.returnValues(returnValues(List.of(
                ReturnValue.NONE,
                ReturnValue.ALL_NEW,
                ReturnValue.ALL_OLD,
                ReturnValue.UPDATED_NEW,
                ReturnValue.UPDATED_OLD)));
        UpdateItemRequest request = b.expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .build();
        boolean onlyUpdated =
                request.returnValues() == ReturnValue.UPDATED_NEW || request.returnValues() == ReturnValue.UPDATED_OLD;
        return new Step(
                request.toString(),
                client -> outcome(() -> {
                    Map<String, AttributeValue> attributes =
                            client.updateItem(request).attributes();
                    return "attributes " + Semantic.item(onlyUpdated ? written.project(attributes) : attributes);
                }));
    }

    private Step delete(Tables table) {
        Expr expr = new Expr();
        DeleteItemRequest.Builder b =
                DeleteItemRequest.builder().tableName(table.name(seed)).key(key(table));
        if (random.nextBoolean()) {
            b.conditionExpression(writeCondition(table, expr));
        }
        if (random.nextBoolean()) {
            b.returnValues(ReturnValue.ALL_OLD);
        }
        DeleteItemRequest request = b.expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .build();
        return new Step(
                request.toString(),
                client -> outcome(() ->
                        "attributes " + Semantic.item(client.deleteItem(request).attributes())));
    }

    private Step get(Tables table) {
        Expr expr = new Expr();
        GetItemRequest.Builder b = GetItemRequest.builder()
                .tableName(table.name(seed))
                .key(key(table))
                .consistentRead(random.nextBoolean());
        if (random.nextBoolean()) {
            b.projectionExpression(projection(expr, table));
        }
        GetItemRequest request = b.expressionAttributeNames(expr.names()).build();
        return new Step(
                request.toString(),
                client -> outcome(() -> {
                    GetItemResponse response = client.getItem(request);
                    return "item " + Semantic.item(response.hasItem() ? response.item() : null);
                }));
    }

    private Step query(Tables table) {
        Expr expr = new Expr();
        String index = null;
        Tables.Key hash = table.hash;
        Tables.Key range = table.range;
        if (table.indexed() && random.nextBoolean()) {
            boolean gsi = random.nextBoolean();
            index = gsi ? Tables.GSI : Tables.LSI;
            hash = gsi ? Tables.GSI_HASH : table.hash;
            range = gsi ? Tables.GSI_RANGE : Tables.LSI_RANGE;
        }
        String condition = expr.name(hash.name()) + " = " + expr.value(values.key(hash.type()));
        if (range != null && random.nextInt(4) > 0) {
            condition += " AND " + sortKeyCondition(expr, range);
        }
        QueryRequest.Builder b = QueryRequest.builder()
                .tableName(table.name(seed))
                .indexName(index)
                .keyConditionExpression(condition)
                .scanIndexForward(random.nextBoolean());
        // On a hash-only table DynamoDB Local leaves out the LastEvaluatedKey when the one item reaches the Limit;
        // DynamoDB documents one whenever the Limit is reached, as Keysmith does. So no Limit there.
        if ((table.range != null || index != null) && random.nextBoolean()) {
            b.limit(1 + random.nextInt(3));
        }
        // DynamoDB Local rejects a filter on attributes an LSI does not project; DynamoDB documents that an LSI query
        // fetches them from the table, so LSI queries get no filter here.
        if (!Tables.LSI.equals(index) && random.nextInt(3) == 0) {
            b.filterExpression(condition(expr, 1));
        }
        if (random.nextInt(4) == 0) {
            b.projectionExpression(projection(expr, table));
        }
        QueryRequest request = b.expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .build();
        return new Step(
                request.toString(),
                client -> outcome(() -> {
                    List<QueryResponse> pages = new ArrayList<>();
                    QueryRequest page = request;
                    for (int i = 0; i < 50; i++) {
                        QueryResponse response = client.query(page);
                        pages.add(response);
                        if (!response.hasLastEvaluatedKey()
                                || response.lastEvaluatedKey().isEmpty()) {
                            break;
                        }
                        page = page.toBuilder()
                                .exclusiveStartKey(response.lastEvaluatedKey())
                                .build();
                    }
                    return queryPages(pages);
                }));
    }

    /**
     * The pages of a query: the first page in full, then every item in order and the totals. When the Limit is
     * reached exactly at the end of the key range, DynamoDB Local knows the range is exhausted and leaves out the
     * LastEvaluatedKey, where Keysmith (as DynamoDB documents) returns one and then an empty page; so the
     * LastEvaluatedKey values and the number of pages are not compared.
     */
    private static String queryPages(List<QueryResponse> pages) {
        QueryResponse first = pages.getFirst();
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        int count = 0;
        int scanned = 0;
        for (QueryResponse page : pages) {
            all.addAll(page.items());
            count += page.count();
            scanned += page.scannedCount();
        }
        return "first page count=" + first.count() + " scanned=" + first.scannedCount() + " "
                + Semantic.items(first.items()) + "\nall count=" + count + " scanned=" + scanned + " "
                + Semantic.items(all);
    }

    private String sortKeyCondition(Expr expr, Tables.Key range) {
        String name = expr.name(range.name());
        int roll = random.nextInt(range.type() == 'N' ? 6 : 7);
        return switch (roll) {
            case 0, 1, 2, 3 ->
                name + " " + List.of("=", "<", "<=", ">", ">=").get(random.nextInt(5)) + " "
                        + expr.value(values.key(range.type()));
            case 4, 5 ->
                name + " BETWEEN " + expr.value(values.key(range.type())) + " AND "
                        + expr.value(values.key(range.type()));
            default -> "begins_with(" + name + ", " + expr.value(values.key(range.type())) + ")";
        };
    }

    private Step scan(Tables table) {
        Expr expr = new Expr();
        ScanRequest.Builder b = ScanRequest.builder().tableName(table.name(seed));
        if (table.indexed() && random.nextInt(3) == 0) {
            b.indexName(random.nextBoolean() ? Tables.GSI : Tables.LSI);
        }
        if (random.nextBoolean()) {
            b.limit(1 + random.nextInt(5));
        }
        boolean filtered = random.nextBoolean();
        if (filtered) {
            b.filterExpression(condition(expr, 1));
        }
        ScanRequest request = b.expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .build();
        // Scan order is unspecified: compare per-page scanned counts, the total count and the union of the pages.
        return new Step(
                request.toString(),
                client -> outcome(() -> {
                    List<Map<String, AttributeValue>> all = new ArrayList<>();
                    List<Integer> scanned = new ArrayList<>();
                    int count = 0;
                    ScanRequest page = request;
                    for (int i = 0; i < 200; i++) {
                        ScanResponse response = client.scan(page);
                        all.addAll(response.items());
                        scanned.add(response.scannedCount());
                        count += response.count();
                        if (!response.hasLastEvaluatedKey()
                                || response.lastEvaluatedKey().isEmpty()) {
                            break;
                        }
                        page = page.toBuilder()
                                .exclusiveStartKey(response.lastEvaluatedKey())
                                .build();
                    }
                    if (scanned.size() > 1 && scanned.getLast() == 0) {
                        scanned.removeLast(); // see queryPages
                    }
                    return "scanned per page " + scanned + " count " + count + " items " + Semantic.sortedItems(all);
                }));
    }

    private Step batchWrite(Tables table) {
        List<WriteRequest> writes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            boolean put = random.nextInt(3) > 0;
            Map<String, AttributeValue> item = put ? item(table) : key(table);
            Map<String, AttributeValue> key = new HashMap<>(item);
            key.keySet().retainAll(key(table).keySet());
            if (!keys.add(Semantic.item(key)) && random.nextInt(4) > 0) {
                continue; // duplicates are rejected by DynamoDB; keep them rare
            }
            writes.add(
                    put
                            ? WriteRequest.builder()
                                    .putRequest(PutRequest.builder().item(item).build())
                                    .build()
                            : WriteRequest.builder()
                                    .deleteRequest(
                                            DeleteRequest.builder().key(key).build())
                                    .build());
        }
        BatchWriteItemRequest request = BatchWriteItemRequest.builder()
                .requestItems(Map.of(table.name(seed), writes))
                .build();
        return new Step(
                request.toString(),
                client -> outcome(() -> {
                    BatchWriteItemResponse response = client.batchWriteItem(request);
                    return "unprocessed "
                            + response.unprocessedItems().values().stream()
                                    .mapToInt(List::size)
                                    .sum();
                }));
    }

    private Step transactWrite() {
        List<TransactWriteItem> actions = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            Tables table = values.pick(List.of(Tables.values()));
            String name = table.name(seed);
            Expr expr = new Expr();
            String condition = random.nextBoolean() ? writeCondition(table, expr) : null;
            TransactWriteItem action = switch (random.nextInt(4)) {
                case 0 ->
                    TransactWriteItem.builder()
                            .put(Put.builder()
                                    .tableName(name)
                                    .item(item(table))
                                    .conditionExpression(condition)
                                    .expressionAttributeNames(expr.names())
                                    .expressionAttributeValues(expr.values())
                                    .build())
                            .build();
                case 1 -> {
                    String update = updateExpression(table, expr, new UpdatedPaths());
                    yield TransactWriteItem.builder()
                            .update(Update.builder()
                                    .tableName(name)
                                    .key(key(table))
                                    .updateExpression(update)
                                    .conditionExpression(condition)
                                    .expressionAttributeNames(expr.names())
                                    .expressionAttributeValues(expr.values())
                                    .build())
                            .build();
                }
                case 2 ->
                    TransactWriteItem.builder()
                            .delete(Delete.builder()
                                    .tableName(name)
                                    .key(key(table))
                                    .conditionExpression(condition)
                                    .expressionAttributeNames(expr.names())
                                    .expressionAttributeValues(expr.values())
                                    .build())
                            .build();
                default -> {
                    String check = condition != null ? condition : writeCondition(table, expr);
                    yield TransactWriteItem.builder()
                            .conditionCheck(ConditionCheck.builder()
                                    .tableName(name)
                                    .key(key(table))
                                    .conditionExpression(check)
                                    .expressionAttributeNames(expr.names())
                                    .expressionAttributeValues(expr.values())
                                    .build())
                            .build();
                }
            };
            actions.add(action);
        }
        TransactWriteItemsRequest request =
                TransactWriteItemsRequest.builder().transactItems(actions).build();
        return new Step(
                request.toString(),
                client -> outcome(() -> {
                    client.transactWriteItems(request);
                    return "committed";
                }));
    }

    // ---------------------------------------------------------------- outcomes

    interface Call {
        String call();
    }

    /** The outcome text of a call: its result, or the error code (and message, see {@link Messages}) it failed with. */
    static String outcome(Call call) {
        try {
            return call.call();
        } catch (TransactionCanceledException e) {
            StringJoiner reasons = new StringJoiner(", ", "[", "]");
            for (CancellationReason reason : e.cancellationReasons()) {
                reasons.add(reason.code() + ":" + Messages.comparable(reason.code(), reason.message()));
            }
            return "ERROR TransactionCanceledException " + reasons;
        } catch (DynamoDbException e) {
            String code = e.awsErrorDetails() == null
                    ? e.getClass().getSimpleName()
                    : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null
                    ? e.getMessage()
                    : e.awsErrorDetails().errorMessage();
            return "ERROR " + code + ": " + Messages.comparable(code, message);
        } catch (RuntimeException e) {
            return "CRASH " + e;
        }
    }
}
