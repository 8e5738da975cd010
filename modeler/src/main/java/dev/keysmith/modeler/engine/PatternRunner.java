package dev.keysmith.modeler.engine;

import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.engine.trace.ExecutionTrace;
import dev.keysmith.modeler.engine.KeyCondition.Clause;
import dev.keysmith.modeler.engine.KeyCondition.Op;
import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.Consistency;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.Operation;
import dev.keysmith.modeler.model.ScalarType;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.template.MissingVariableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Runs a model's access patterns against materialized data and reports, per pattern, what came back and whether it
 * met the pattern's expectations: served without a Scan (unless it is a Scan), only the intended entity types, and a
 * non-empty result for a read that expects items.
 *
 * <p>Parameters come from real items: the runner reads up to {@value #EXAMPLES_PER_TABLE} items of each table, picks
 * one of the pattern's first expected entity type that has the attributes the key condition names, takes its template
 * variables (from matching its keys against the entity's key templates, and its scalar attributes by name) and renders
 * the key condition with them. A filter's {@code :placeholders} take the value of the attribute compared with them in
 * the same example item. Keyed operations (GetItem, UpdateItem, DeleteItem) use the key condition's equalities as the
 * key; batch and transaction patterns use the keys of up to {@code expectedItemsPerRequest} example items; writes write
 * back the example items unchanged (a DeleteItem puts the deleted item back afterwards), so running the patterns leaves
 * the data as it was.
 */
public final class PatternRunner {

    static final int EXAMPLES_PER_TABLE = 2000;

    private static final Pattern FILTER_COMPARISON =
            Pattern.compile("#?([A-Za-z_][\\w-]*)\\s*(?:=|<>|<=|>=|<|>)\\s*:([A-Za-z_]\\w*)");
    private static final Pattern FILTER_FUNCTION =
            Pattern.compile("(?i)(?:begins_with|contains)\\s*\\(\\s*#?([A-Za-z_][\\w-]*)\\s*,\\s*:([A-Za-z_]\\w*)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![:#\\w])([A-Za-z_][\\w-]*)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "between", "in");

    private final DynamoDbClient target;
    private final Map<String, List<Map<String, AttributeValue>>> examples = new HashMap<>();
    private final List<ExecutionTrace> captured = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean capturing;

    public PatternRunner(DynamoDbClient target) {
        this.target = target;
    }

    /** Runs every access pattern of {@code model}, in order. */
    public List<PatternResult> run(DataModel model) {
        return withTraces(
                () -> model.patterns().stream().map(p -> runOne(model, p)).toList());
    }

    /** Runs one access pattern. */
    public PatternResult run(DataModel model, AccessPattern pattern) {
        return withTraces(() -> runOne(model, pattern));
    }

    private <T> T withTraces(java.util.function.Supplier<T> work) {
        if (!(target instanceof KeysmithEngine engine)) {
            return work.get();
        }
        AutoCloseable listener = engine.addTraceListener(trace -> {
            if (capturing) {
                captured.add(trace);
            }
        });
        try {
            return work.get();
        } finally {
            try {
                listener.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not remove the trace listener", e);
            }
        }
    }

    /** Why a pattern cannot run. */
    private static final class Unservable extends Exception {
        Unservable(String message) {
            super(message, null, false, false);
        }
    }

    private record Outcome(String request, List<Map<String, AttributeValue>> items, List<ConsumedCapacity> capacity) {}

    private PatternResult runOne(DataModel model, AccessPattern pattern) {
        TableDesign table = model.table(pattern.table()).orElse(null);
        if (table == null) {
            return unservable(pattern, null, "table " + pattern.table() + " is not in the model");
        }
        EntityMatcher matcher = new EntityMatcher(table);
        Outcome outcome;
        List<ExecutionTrace> traces;
        try {
            captured.clear();
            outcome = execute(table, matcher, pattern);
            traces = List.copyOf(captured);
        } catch (Unservable e) {
            return unservable(pattern, null, e.getMessage());
        } finally {
            capturing = false;
        }
        Map<String, Integer> types = new TreeMap<>();
        for (Map<String, AttributeValue> item : outcome.items()) {
            types.merge(matcher.nameOf(item), 1, Integer::sum);
        }
        double total = 0;
        Map<String, Double> perIndex = new TreeMap<>();
        for (ConsumedCapacity c : outcome.capacity()) {
            total += c.capacityUnits() == null ? 0 : c.capacityUnits();
            add(perIndex, "table", c.table());
            if (c.globalSecondaryIndexes() != null) {
                c.globalSecondaryIndexes().forEach((name, cap) -> add(perIndex, name, cap));
            }
            if (c.localSecondaryIndexes() != null) {
                c.localSecondaryIndexes().forEach((name, cap) -> add(perIndex, name, cap));
            }
        }
        List<String> problems = new ArrayList<>();
        if (pattern.operation() != Operation.Scan
                && traces.stream().anyMatch(t -> t.operation().equals("Scan"))) {
            problems.add("the request was served by a Scan, which reads the whole table or index");
        }
        if (!pattern.expectedEntityTypes().isEmpty()) {
            Set<String> unexpected = new LinkedHashSet<>(types.keySet());
            unexpected.removeAll(pattern.expectedEntityTypes());
            if (!unexpected.isEmpty()) {
                problems.add("returned " + String.join(", ", unexpected) + " items, which the pattern does not expect"
                        + " (expected " + String.join(", ", pattern.expectedEntityTypes()) + ")");
            }
        }
        int returned = outcome.items().size();
        if (!pattern.operation().isWrite() && pattern.expectedItemsPerRequest() > 0 && returned == 0) {
            problems.add("returned no items; expected about " + pattern.expectedItemsPerRequest());
        }
        return new PatternResult(pattern, outcome.request(), null, returned, types, total, perIndex, traces, problems);
    }

    private static void add(Map<String, Double> perIndex, String name, @Nullable Capacity capacity) {
        if (capacity != null && capacity.capacityUnits() != null) {
            perIndex.merge(name, capacity.capacityUnits(), Double::sum);
        }
    }

    private static PatternResult unservable(AccessPattern pattern, @Nullable String request, String why) {
        return new PatternResult(pattern, request, why, 0, Map.of(), 0, Map.of(), List.of(), List.of());
    }

    private Outcome execute(TableDesign table, EntityMatcher matcher, AccessPattern p) throws Unservable {
        IndexDesign index = null;
        if (p.index() != null) {
            index = table.index(p.index())
                    .orElseThrow(() -> new Unservable("table " + table.name() + " has no index " + p.index()));
        }
        KeyCondition condition = null;
        if (p.keyCondition() != null && !p.keyCondition().isBlank()) {
            try {
                condition = KeyCondition.parse(p.keyCondition());
            } catch (IllegalArgumentException e) {
                throw new Unservable(e.getMessage());
            }
        }
        List<Map<String, AttributeValue>> candidates = candidates(table, matcher, p, index, condition);
        try {
            return switch (p.operation()) {
                case GetItem -> getItem(table, matcher, p, condition, candidates);
                case Query -> query(table, matcher, p, condition, candidates);
                case Scan -> scan(table, p, candidates);
                case PutItem -> putItem(table, p, candidates);
                case UpdateItem -> updateItem(table, matcher, p, condition, candidates);
                case DeleteItem -> deleteItem(table, matcher, p, condition, candidates);
                case BatchGetItem -> batchGet(table, p, candidates);
                case BatchWriteItem -> batchWrite(table, p, candidates);
                case TransactGetItems -> transactGet(table, p, candidates);
                case TransactWriteItems -> transactWrite(table, p, candidates);
            };
        } catch (DynamoDbException e) {
            String message = e.awsErrorDetails() == null
                    ? e.getMessage()
                    : e.awsErrorDetails().errorMessage();
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + ": ";
            throw new Unservable("the target refused the request: " + code + message);
        }
    }

    /** Example items of the pattern's first expected entity type that carry the attributes its key condition names. */
    private List<Map<String, AttributeValue>> candidates(
            TableDesign table,
            EntityMatcher matcher,
            AccessPattern p,
            @Nullable IndexDesign index,
            @Nullable KeyCondition condition) {
        Set<String> needed = new LinkedHashSet<>();
        if (index != null) {
            needed.addAll(index.keyNames());
        }
        if (condition != null) {
            condition.clauses().forEach(c -> needed.add(c.attribute()));
        }
        String type = p.expectedEntityTypes().isEmpty()
                ? null
                : p.expectedEntityTypes().getFirst();
        List<Map<String, AttributeValue>> all = examples(table);
        List<Map<String, AttributeValue>> matching = all.stream()
                .filter(item -> type == null || matcher.nameOf(item).equals(type))
                .filter(item -> item.keySet().containsAll(needed))
                .toList();
        if (matching.isEmpty() && type != null) {
            return all.stream()
                    .filter(item -> item.keySet().containsAll(needed))
                    .toList();
        }
        return matching;
    }

    private List<Map<String, AttributeValue>> examples(TableDesign table) {
        return examples.computeIfAbsent(table.name(), name -> {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = target.scan(b -> b.tableName(name).exclusiveStartKey(from));
                items.addAll(page.items());
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey()
                        : null;
            } while (start != null && items.size() < EXAMPLES_PER_TABLE);
            return items.size() > EXAMPLES_PER_TABLE ? List.copyOf(items.subList(0, EXAMPLES_PER_TABLE)) : items;
        });
    }

    private static Map<String, AttributeValue> firstExample(
            List<Map<String, AttributeValue>> candidates, AccessPattern p) throws Unservable {
        if (candidates.isEmpty()) {
            throw new Unservable(noExample(p));
        }
        return candidates.getFirst();
    }

    private static String noExample(AccessPattern p) {
        return "no item "
                + (p.expectedEntityTypes().isEmpty()
                        ? ""
                        : "of type " + p.expectedEntityTypes().getFirst() + " ")
                + "in " + p.table() + (p.index() == null ? "" : " with the keys of index " + p.index())
                + " to take parameters from";
    }

    /** A key condition rendered with the variables of the first candidate that has them all. */
    private record Rendered(List<List<String>> values, Map<String, AttributeValue> example) {}

    private static Rendered render(
            KeyCondition condition,
            EntityMatcher matcher,
            List<Map<String, AttributeValue>> candidates,
            AccessPattern p)
            throws Unservable {
        if (candidates.isEmpty()) {
            throw new Unservable(noExample(p));
        }
        MissingVariableException last = null;
        for (Map<String, AttributeValue> item : candidates.subList(0, Math.min(50, candidates.size()))) {
            try {
                return new Rendered(condition.render(matcher.variables(item)), item);
            } catch (MissingVariableException e) {
                last = e;
            }
        }
        throw new Unservable("the key condition's variable(s) " + String.join(", ", last.missing())
                + " have no value in any example item"
                + (p.expectedEntityTypes().isEmpty()
                        ? ""
                        : " of type " + p.expectedEntityTypes().getFirst()));
    }

    private static AttributeValue typed(TableDesign table, String attribute, String text) {
        ScalarType type =
                table.attributeType(attribute).flatMap(AttributeType::asScalar).orElse(ScalarType.S);
        return switch (type) {
            case S -> AttributeValue.fromS(text);
            case N -> AttributeValue.fromN(text);
            case B -> AttributeValue.fromB(SdkBytes.fromString(text, StandardCharsets.UTF_8));
        };
    }

    /** The primary key from a key condition of equalities on the table keys. */
    private static Map<String, AttributeValue> key(
            TableDesign table,
            EntityMatcher matcher,
            AccessPattern p,
            @Nullable KeyCondition condition,
            List<Map<String, AttributeValue>> candidates)
            throws Unservable {
        if (condition == null) {
            return keyOf(table, firstExample(candidates, p));
        }
        Rendered rendered = render(condition, matcher, candidates, p);
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (int i = 0; i < condition.clauses().size(); i++) {
            Clause clause = condition.clauses().get(i);
            if (clause.op() != Op.EQ) {
                throw new Unservable(p.operation() + " needs equality on the key attributes, but the key condition has "
                        + clause.op().symbol + " on " + clause.attribute());
            }
            key.put(
                    clause.attribute(),
                    typed(table, clause.attribute(), rendered.values().get(i).getFirst()));
        }
        if (!key.keySet().equals(new LinkedHashSet<>(table.keyNames()))) {
            throw new Unservable(p.operation() + " needs the full primary key " + table.keyNames()
                    + " but the key condition gives " + key.keySet());
        }
        return key;
    }

    private static Map<String, AttributeValue> keyOf(TableDesign table, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : table.keyNames()) {
            key.put(name, item.get(name));
        }
        return key;
    }

    private record Expression(
            String text, String readable, Map<String, String> names, Map<String, AttributeValue> values) {}

    private static Expression keyExpression(TableDesign table, KeyCondition condition, List<List<String>> values) {
        List<String> parts = new ArrayList<>();
        List<String> readable = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> vals = new LinkedHashMap<>();
        for (int i = 0; i < condition.clauses().size(); i++) {
            Clause c = condition.clauses().get(i);
            String name = "#k" + i;
            String value = ":k" + i;
            names.put(name, c.attribute());
            List<String> v = values.get(i);
            vals.put(value, typed(table, c.attribute(), v.getFirst()));
            switch (c.op()) {
                case BEGINS_WITH -> {
                    parts.add("begins_with(" + name + ", " + value + ")");
                    readable.add("begins_with(" + c.attribute() + ", \"" + v.getFirst() + "\")");
                }
                case BETWEEN -> {
                    vals.put(value + "b", typed(table, c.attribute(), v.get(1)));
                    parts.add(name + " BETWEEN " + value + " AND " + value + "b");
                    readable.add(c.attribute() + " BETWEEN \"" + v.getFirst() + "\" AND \"" + v.get(1) + "\"");
                }
                case EQ, LT, LE, GT, GE -> {
                    parts.add(name + " " + c.op().symbol + " " + value);
                    readable.add(c.attribute() + " " + c.op().symbol + " \"" + v.getFirst() + "\"");
                }
            }
        }
        return new Expression(String.join(" AND ", parts), String.join(" AND ", readable), names, vals);
    }

    /** The filter with names as {@code #f0...} and placeholder values from the example item. */
    private static @Nullable Expression filter(AccessPattern p, Map<String, AttributeValue> example) throws Unservable {
        if (p.filter() == null || p.filter().isBlank()) {
            return null;
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (Pattern pattern : List.of(FILTER_COMPARISON, FILTER_FUNCTION)) {
            Matcher m = pattern.matcher(p.filter());
            while (m.find()) {
                AttributeValue v = example.get(m.group(1));
                if (v != null) {
                    values.putIfAbsent(":" + m.group(2), v);
                }
            }
        }
        Matcher placeholders = Pattern.compile(":([A-Za-z_]\\w*)").matcher(p.filter());
        while (placeholders.find()) {
            if (!values.containsKey(placeholders.group())) {
                throw new Unservable("the filter's placeholder " + placeholders.group()
                        + " has no value: the example item lacks the attribute compared with it");
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        Matcher ids = IDENTIFIER.matcher(p.filter().replace("#", ""));
        while (ids.find()) {
            String id = ids.group(1);
            if (KEYWORDS.contains(id.toLowerCase(Locale.ROOT))) {
                ids.appendReplacement(text, id);
                continue;
            }
            String alias = names.entrySet().stream()
                    .filter(e -> e.getValue().equals(id))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse("#f" + names.size());
            names.put(alias, id);
            ids.appendReplacement(text, Matcher.quoteReplacement(alias));
        }
        ids.appendTail(text);
        return new Expression(text.toString(), p.filter(), names, values);
    }

    private record Projection(String text, Map<String, String> names) {}

    private static @Nullable Projection projection(TableDesign table, AccessPattern p) {
        if (p.projection() == null || p.projection().isBlank()) {
            return null;
        }
        Set<String> attributes = new LinkedHashSet<>();
        for (String a : p.projection().split(",")) {
            if (!a.isBlank()) {
                attributes.add(a.trim().replace("#", ""));
            }
        }
        attributes.addAll(table.keyNames());
        Map<String, String> names = new LinkedHashMap<>();
        for (String a : attributes) {
            names.put("#p" + names.size(), a);
        }
        return new Projection(String.join(", ", names.keySet()), names);
    }

    private static Map<String, String> names(@Nullable Expression a, @Nullable Expression b, @Nullable Projection c) {
        Map<String, String> names = new LinkedHashMap<>();
        if (a != null) {
            names.putAll(a.names());
        }
        if (b != null) {
            names.putAll(b.names());
        }
        if (c != null) {
            names.putAll(c.names());
        }
        return names;
    }

    private static @Nullable Map<String, AttributeValue> values(@Nullable Expression a, @Nullable Expression b) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        if (a != null) {
            values.putAll(a.values());
        }
        if (b != null) {
            values.putAll(b.values());
        }
        return values.isEmpty() ? null : values;
    }

    private static boolean consistent(AccessPattern p) {
        return p.consistency() != Consistency.EVENTUAL;
    }

    private <T> T traced(java.util.function.Supplier<T> request) {
        capturing = true;
        try {
            return request.get();
        } finally {
            capturing = false;
        }
    }

    private Outcome getItem(
            TableDesign table,
            EntityMatcher matcher,
            AccessPattern p,
            @Nullable KeyCondition condition,
            List<Map<String, AttributeValue>> candidates)
            throws Unservable {
        Map<String, AttributeValue> key = key(table, matcher, p, condition, candidates);
        Projection projection = projection(table, p);
        GetItemResponse r = traced(() -> target.getItem(b -> {
            b.tableName(table.name())
                    .key(key)
                    .consistentRead(consistent(p))
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES);
            if (projection != null) {
                b.projectionExpression(projection.text()).expressionAttributeNames(projection.names());
            }
        }));
        List<Map<String, AttributeValue>> items = r.hasItem() && !r.item().isEmpty() ? List.of(r.item()) : List.of();
        return new Outcome("GetItem " + table.name() + " " + readableKey(key), items, capacity(r.consumedCapacity()));
    }

    private Outcome query(
            TableDesign table,
            EntityMatcher matcher,
            AccessPattern p,
            @Nullable KeyCondition condition,
            List<Map<String, AttributeValue>> candidates)
            throws Unservable {
        if (condition == null) {
            throw new Unservable("a Query needs a key condition and the pattern has none");
        }
        Rendered rendered = render(condition, matcher, candidates, p);
        Expression key = keyExpression(table, condition, rendered.values());
        Expression filter = filter(p, rendered.example());
        Projection projection = projection(table, p);
        QueryRequest.Builder b = QueryRequest.builder()
                .tableName(table.name())
                .indexName(p.index())
                .keyConditionExpression(key.text())
                .filterExpression(filter == null ? null : filter.text())
                .projectionExpression(projection == null ? null : projection.text())
                .expressionAttributeNames(names(key, filter, projection))
                .expressionAttributeValues(values(key, filter))
                .consistentRead(consistent(p) && p.index() == null)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES);
        QueryResponse r = traced(() -> target.query(b.build()));
        String request = "Query " + table.name() + (p.index() == null ? "" : " index " + p.index()) + " "
                + key.readable() + (filter == null ? "" : " filter " + filter.readable());
        return new Outcome(request, r.items(), capacity(r.consumedCapacity()));
    }

    private Outcome scan(TableDesign table, AccessPattern p, List<Map<String, AttributeValue>> candidates)
            throws Unservable {
        Expression filter = null;
        if (p.filter() != null && !p.filter().isBlank()) {
            filter = filter(p, firstExample(candidates, p));
        }
        Projection projection = projection(table, p);
        Map<String, String> names = names(null, filter, projection);
        ScanRequest.Builder b = ScanRequest.builder()
                .tableName(table.name())
                .indexName(p.index())
                .filterExpression(filter == null ? null : filter.text())
                .projectionExpression(projection == null ? null : projection.text())
                .expressionAttributeNames(names.isEmpty() ? null : names)
                .expressionAttributeValues(values(null, filter))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES);
        ScanResponse r = traced(() -> target.scan(b.build()));
        String request = "Scan " + table.name() + (p.index() == null ? "" : " index " + p.index())
                + (filter == null ? "" : " filter " + filter.readable());
        return new Outcome(request, r.items(), capacity(r.consumedCapacity()));
    }

    private Outcome putItem(TableDesign table, AccessPattern p, List<Map<String, AttributeValue>> candidates)
            throws Unservable {
        Map<String, AttributeValue> item = firstExample(candidates, p);
        var r = traced(() -> target.putItem(
                b -> b.tableName(table.name()).item(item).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)));
        return new Outcome(
                "PutItem " + table.name() + " " + readableKey(keyOf(table, item)),
                List.of(item),
                capacity(r.consumedCapacity()));
    }

    private Outcome updateItem(
            TableDesign table,
            EntityMatcher matcher,
            AccessPattern p,
            @Nullable KeyCondition condition,
            List<Map<String, AttributeValue>> candidates)
            throws Unservable {
        Map<String, AttributeValue> key = key(table, matcher, p, condition, candidates);
        Map<String, AttributeValue> current =
                target.getItem(b -> b.tableName(table.name()).key(key)).item();
        if (current == null || current.isEmpty()) {
            throw new Unservable("no item with key " + readableKey(key) + " to update");
        }
        Set<String> keyNames = new LinkedHashSet<>(table.keyNames());
        table.indexes().forEach(i -> keyNames.addAll(i.keyNames()));
        Map.Entry<String, AttributeValue> attribute = current.entrySet().stream()
                .filter(e -> !keyNames.contains(e.getKey()))
                .findFirst()
                .orElseThrow(
                        () -> new Unservable("the item " + readableKey(key) + " has no non-key attribute to update"));
        var r = traced(() -> target.updateItem(b -> b.tableName(table.name())
                .key(key)
                .updateExpression("SET #a = :a")
                .expressionAttributeNames(Map.of("#a", attribute.getKey()))
                .expressionAttributeValues(Map.of(":a", attribute.getValue()))
                .returnValues(ReturnValue.ALL_NEW)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)));
        return new Outcome(
                "UpdateItem " + table.name() + " " + readableKey(key) + " SET " + attribute.getKey(),
                List.of(r.attributes()),
                capacity(r.consumedCapacity()));
    }

    private Outcome deleteItem(
            TableDesign table,
            EntityMatcher matcher,
            AccessPattern p,
            @Nullable KeyCondition condition,
            List<Map<String, AttributeValue>> candidates)
            throws Unservable {
        Map<String, AttributeValue> key = key(table, matcher, p, condition, candidates);
        DeleteItemResponse r = traced(() -> target.deleteItem(b -> b.tableName(table.name())
                .key(key)
                .returnValues(ReturnValue.ALL_OLD)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)));
        List<Map<String, AttributeValue>> deleted = List.of();
        if (r.hasAttributes() && !r.attributes().isEmpty()) {
            deleted = List.of(r.attributes());
            target.putItem(b -> b.tableName(table.name()).item(r.attributes()));
        }
        return new Outcome(
                "DeleteItem " + table.name() + " " + readableKey(key) + " (then put back)",
                deleted,
                capacity(r.consumedCapacity()));
    }

    /** Up to {@code limit} example items with distinct primary keys. */
    private static List<Map<String, AttributeValue>> distinctExamples(
            TableDesign table, AccessPattern p, List<Map<String, AttributeValue>> candidates, int limit)
            throws Unservable {
        if (candidates.isEmpty()) {
            throw new Unservable(noExample(p));
        }
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> byKey = new LinkedHashMap<>();
        int wanted = Math.max(1, Math.min(limit, p.expectedItemsPerRequest()));
        for (Map<String, AttributeValue> item : candidates) {
            if (byKey.size() == wanted) {
                break;
            }
            byKey.putIfAbsent(keyOf(table, item), item);
        }
        return List.copyOf(byKey.values());
    }

    private Outcome batchGet(TableDesign table, AccessPattern p, List<Map<String, AttributeValue>> candidates)
            throws Unservable {
        List<Map<String, AttributeValue>> keys = distinctExamples(table, p, candidates, 100).stream()
                .map(item -> keyOf(table, item))
                .toList();
        BatchGetItemResponse r = traced(() -> target.batchGetItem(b -> b.requestItems(Map.of(
                        table.name(),
                        KeysAndAttributes.builder()
                                .keys(keys)
                                .consistentRead(consistent(p))
                                .build()))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)));
        return new Outcome(
                "BatchGetItem " + table.name() + " " + keys.size() + " keys",
                r.responses().getOrDefault(table.name(), List.of()),
                r.consumedCapacity());
    }

    private Outcome batchWrite(TableDesign table, AccessPattern p, List<Map<String, AttributeValue>> candidates)
            throws Unservable {
        List<Map<String, AttributeValue>> items = distinctExamples(table, p, candidates, 25);
        List<WriteRequest> writes = items.stream()
                .map(item -> WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build())
                .toList();
        BatchWriteItemResponse r = traced(() -> target.batchWriteItem(b ->
                b.requestItems(Map.of(table.name(), writes)).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)));
        return new Outcome(
                "BatchWriteItem " + table.name() + " " + items.size() + " puts", items, r.consumedCapacity());
    }

    private Outcome transactGet(TableDesign table, AccessPattern p, List<Map<String, AttributeValue>> candidates)
            throws Unservable {
        List<TransactGetItem> gets = distinctExamples(table, p, candidates, 100).stream()
                .map(item -> TransactGetItem.builder()
                        .get(g -> g.tableName(table.name()).key(keyOf(table, item)))
                        .build())
                .toList();
        TransactGetItemsResponse r = traced(() -> target.transactGetItems(
                b -> b.transactItems(gets).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)));
        List<Map<String, AttributeValue>> items = r.responses().stream()
                .filter(i -> i.hasItem() && !i.item().isEmpty())
                .map(i -> i.item())
                .toList();
        return new Outcome(
                "TransactGetItems " + table.name() + " " + gets.size() + " gets", items, r.consumedCapacity());
    }

    private Outcome transactWrite(TableDesign table, AccessPattern p, List<Map<String, AttributeValue>> candidates)
            throws Unservable {
        List<Map<String, AttributeValue>> items = distinctExamples(table, p, candidates, 100);
        List<TransactWriteItem> writes = items.stream()
                .map(item -> TransactWriteItem.builder()
                        .put(w -> w.tableName(table.name()).item(item))
                        .build())
                .toList();
        TransactWriteItemsResponse r = traced(() -> target.transactWriteItems(
                b -> b.transactItems(writes).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)));
        return new Outcome(
                "TransactWriteItems " + table.name() + " " + items.size() + " puts", items, r.consumedCapacity());
    }

    private static List<ConsumedCapacity> capacity(@Nullable ConsumedCapacity c) {
        return c == null ? List.of() : List.of(c);
    }

    private static String readableKey(Map<String, AttributeValue> key) {
        return key.entrySet().stream()
                .map(e -> e.getKey() + "=\"" + EntityMatcher.text(e.getValue()) + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
