package dev.keysmith.engine.partiql;

import dev.keysmith.engine.value.AttributeValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Runs a SELECT as GetItem (the full primary key pinned by equalities and nothing else), as one Query per partition
 * key value (the partition key pinned by {@code =}, {@code IN} or an OR of equalities; a sort-key condition narrows
 * the range, other terms filter), or else as a Scan.
 */
final class SelectRunner {
    private static final Set<String> KEY_OPERATORS = Set.of("=", "<", "<=", ">", ">=");

    private final DynamoDbClient engine;

    SelectRunner(DynamoDbClient engine) {
        this.engine = engine;
    }

    /** How a SELECT reads. */
    sealed interface Plan {
        record Get(Map<String, AttributeValue> key) implements Plan {}

        /** One Query per partition value, in order; {@code sortKey} goes to the key condition. */
        record Query(
                List<AttributeValue> partitions,
                @Nullable Expr sortKey,
                @Nullable Expr filter,
                boolean forward) implements Plan {}

        record Scan(@Nullable Expr filter) implements Plan {}
    }

    ExecuteStatementResponse run(Statement.Select s, List<AttributeValue> params, ExecuteStatementRequest req) {
        KeySchema schema = KeySchema.of(engine, s.table(), s.index());
        checkProjection(s.projection());
        Plan plan = plan(s, schema, params);
        int fingerprint = NextTokens.fingerprint(req.statement(), params);
        NextTokens.Position start = req.nextToken() == null
                ? new NextTokens.Position(fingerprint, 0, null)
                : NextTokens.decode(req.nextToken(), fingerprint);
        Page page = switch (plan) {
            case Plan.Get g -> get(s, g, req);
            case Plan.Query q -> query(s, schema, q, params, req, start);
            case Plan.Scan sc -> scan(s, sc, params, req, start);
        };
        var response = ExecuteStatementResponse.builder()
                .items(page.items().stream()
                        .map(i -> project(i, s.projection()))
                        .toList())
                .consumedCapacity(page.capacity());
        if (page.next() != null) {
            response.nextToken(NextTokens.encode(page.next()));
            if (page.next().startKey() != null) {
                response.lastEvaluatedKey(page.next().startKey());
            }
        }
        return response.build();
    }

    private record Page(
            List<Map<String, AttributeValue>> items,
            NextTokens.@Nullable Position next,
            @Nullable ConsumedCapacity capacity) {}

    /** Decides how the SELECT reads; also checks ORDER BY, which needs the partition key pinned. */
    static Plan plan(Statement.Select s, KeySchema schema, List<AttributeValue> params) {
        List<Expr> terms = Where.terms(s.where());
        Expr partitionTerm = null;
        List<AttributeValue> partitions = null;
        for (Expr t : terms) {
            partitions = partitionValues(t, schema.hash(), params);
            if (partitions != null) {
                partitionTerm = t;
                break;
            }
        }
        boolean forward = checkOrderBy(s, schema, partitions);
        if (partitions == null) {
            return new Plan.Scan(s.where());
        }
        partitions = orderPartitions(s, schema, partitions);
        List<Expr> rest = new ArrayList<>(terms);
        rest.remove(partitionTerm);
        Expr sortTerm = schema.range() == null
                ? null
                : rest.stream()
                        .filter(t -> isSortKeyCondition(t, schema.range()))
                        .findFirst()
                        .orElse(null);
        rest.remove(sortTerm);
        boolean keysInFilter =
                rest.stream().anyMatch(t -> schema.names().stream().anyMatch(k -> Where.mentions(t, k)));
        if (keysInFilter) {
            // A Query filter cannot name key attributes; read the same items with a Scan.
            return new Plan.Scan(s.where());
        }
        boolean singleItem = schema.range() == null
                ? sortTerm == null
                : sortTerm != null && Where.equality(sortTerm, schema.range()) != null;
        if (s.index() == null && partitions.size() == 1 && singleItem && rest.isEmpty()) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            key.put(schema.hash(), partitions.getFirst());
            if (schema.range() != null && sortTerm != null) {
                key.put(
                        schema.range(),
                        Values.of(
                                java.util.Objects.requireNonNull(Where.equality(sortTerm, schema.range())),
                                params,
                                schema.range()));
            }
            return new Plan.Get(key);
        }
        return new Plan.Query(partitions, sortTerm, Where.and(rest), forward);
    }

    /** The partition values a term pins: {@code pk = c}, {@code pk IN [c, ...]}, or an OR of such terms. */
    private static @Nullable List<AttributeValue> partitionValues(Expr term, String hash, List<AttributeValue> params) {
        Expr eq = Where.equality(term, hash);
        if (eq != null) {
            return List.of(Values.of(eq, params, hash));
        }
        if (term instanceof Expr.In in
                && Where.isAttribute(in.value(), hash)
                && !in.candidates().isEmpty()
                && in.candidates().stream().allMatch(Values::isConstant)) {
            List<AttributeValue> out = new ArrayList<>();
            for (Expr c : in.candidates()) {
                addDistinct(out, Values.of(c, params, hash));
            }
            return out;
        }
        if (term instanceof Expr.Or or) {
            List<AttributeValue> left = partitionValues(or.left(), hash, params);
            List<AttributeValue> right = partitionValues(or.right(), hash, params);
            if (left != null && right != null) {
                List<AttributeValue> out = new ArrayList<>(left);
                right.forEach(v -> addDistinct(out, v));
                return out;
            }
        }
        return null;
    }

    private static void addDistinct(List<AttributeValue> values, AttributeValue v) {
        if (values.stream().noneMatch(x -> AttributeValues.equal(x, v))) {
            values.add(v);
        }
    }

    private static boolean isSortKeyCondition(Expr t, String range) {
        return switch (t) {
            case Expr.Compare c ->
                KEY_OPERATORS.contains(c.op())
                        && ((Where.isAttribute(c.left(), range) && Values.isConstant(c.right()))
                                || (Where.isAttribute(c.right(), range) && Values.isConstant(c.left())));
            case Expr.Between b ->
                Where.isAttribute(b.value(), range) && Values.isConstant(b.low()) && Values.isConstant(b.high());
            case Expr.Call c ->
                c.name().equals("begins_with")
                        && c.args().size() == 2
                        && Where.isAttribute(c.args().get(0), range)
                        && Values.isConstant(c.args().get(1));
            default -> false;
        };
    }

    /** Validates ORDER BY as DynamoDB does and returns the sort-key direction. */
    private static boolean checkOrderBy(
            Statement.Select s, KeySchema schema, @Nullable List<AttributeValue> partitions) {
        if (s.orderBy().isEmpty()) {
            return true;
        }
        if (s.where() == null) {
            throw Problems.invalid(Problems.ORDER_BY_WITHOUT_WHERE);
        }
        if (partitions == null) {
            throw Problems.invalid(Problems.ORDER_BY_WITHOUT_HASH);
        }
        boolean forward = true;
        for (Statement.Order o : s.orderBy()) {
            if (!schema.isKey(o.attribute())) {
                throw Problems.invalid(Problems.orderByNonKey(o.attribute()));
            }
            if (o.attribute().equals(schema.range())) {
                forward = o.ascending();
            }
        }
        return forward;
    }

    /** With {@code ORDER BY pk}, the partitions are read in key order. */
    private static List<AttributeValue> orderPartitions(
            Statement.Select s, KeySchema schema, List<AttributeValue> partitions) {
        for (Statement.Order o : s.orderBy()) {
            if (o.attribute().equals(schema.hash())) {
                List<AttributeValue> sorted = new ArrayList<>(partitions);
                sorted.sort((a, b) -> {
                    Integer c = AttributeValues.compare(a, b);
                    int order = c == null ? 0 : c;
                    return o.ascending() ? order : -order;
                });
                return sorted;
            }
        }
        return partitions;
    }

    private Page get(Statement.Select s, Plan.Get g, ExecuteStatementRequest req) {
        GetItemResponse r = engine.getItem(GetItemRequest.builder()
                .tableName(s.table())
                .key(g.key())
                .consistentRead(req.consistentRead())
                .returnConsumedCapacity(req.returnConsumedCapacity())
                .build());
        List<Map<String, AttributeValue>> items = r.hasItem() ? List.of(r.item()) : List.of();
        return new Page(items, null, r.consumedCapacity());
    }

    private Page query(
            Statement.Select s,
            KeySchema schema,
            Plan.Query q,
            List<AttributeValue> params,
            ExecuteStatementRequest req,
            NextTokens.Position start) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        ConsumedCapacity capacity = null;
        Integer remaining = req.limit();
        int fingerprint = start.fingerprint();
        for (int p = start.partition(); p < q.partitions().size(); p++) {
            ExpressionWriter w = new ExpressionWriter(params);
            String keyCondition =
                    w.name(schema.hash()) + " = " + w.value(q.partitions().get(p));
            if (q.sortKey() != null) {
                keyCondition += " AND " + w.condition(q.sortKey());
            }
            QueryResponse r = engine.query(QueryRequest.builder()
                    .tableName(s.table())
                    .indexName(s.index())
                    .keyConditionExpression(keyCondition)
                    .filterExpression(q.filter() == null ? null : w.condition(q.filter()))
                    .expressionAttributeNames(w.names())
                    .expressionAttributeValues(w.values())
                    .scanIndexForward(q.forward())
                    .consistentRead(req.consistentRead())
                    .limit(remaining)
                    .exclusiveStartKey(p == start.partition() ? start.startKey() : null)
                    .returnConsumedCapacity(req.returnConsumedCapacity())
                    .build());
            items.addAll(r.items());
            capacity = CapacitySum.add(capacity, r.consumedCapacity());
            if (r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()) {
                return new Page(items, new NextTokens.Position(fingerprint, p, r.lastEvaluatedKey()), capacity);
            }
            if (remaining != null) {
                remaining -= r.scannedCount();
                if (remaining <= 0) {
                    NextTokens.Position next =
                            p + 1 < q.partitions().size() ? new NextTokens.Position(fingerprint, p + 1, null) : null;
                    return new Page(items, next, capacity);
                }
            }
        }
        return new Page(items, null, capacity);
    }

    private Page scan(
            Statement.Select s,
            Plan.Scan plan,
            List<AttributeValue> params,
            ExecuteStatementRequest req,
            NextTokens.Position start) {
        ExpressionWriter w = new ExpressionWriter(params);
        ScanResponse r = engine.scan(ScanRequest.builder()
                .tableName(s.table())
                .indexName(s.index())
                .filterExpression(plan.filter() == null ? null : w.condition(plan.filter()))
                .expressionAttributeNames(w.names())
                .expressionAttributeValues(w.values())
                .consistentRead(req.consistentRead())
                .limit(req.limit())
                .exclusiveStartKey(start.startKey())
                .returnConsumedCapacity(req.returnConsumedCapacity())
                .build());
        NextTokens.Position next =
                r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
                        ? new NextTokens.Position(start.fingerprint(), 0, r.lastEvaluatedKey())
                        : null;
        return new Page(r.items(), next, r.consumedCapacity());
    }

    /** Selected names must be distinct, as DynamoDB names each result attribute after the path's last name. */
    private static void checkProjection(List<Path> projection) {
        Set<String> seen = new HashSet<>();
        for (Path p : projection) {
            String name = outputName(p);
            if (!seen.add(name)) {
                throw Problems.invalid(Problems.duplicateSelectNames(name));
            }
        }
    }

    /**
     * The attribute name a selected path gets in the result: DynamoDB un-nests {@code m.k} to {@code k} and keeps
     * list indexes after the last name, so {@code l[1]} stays {@code l[1]}.
     */
    static String outputName(Path p) {
        StringBuilder sb = new StringBuilder();
        for (Path.Step step : p.steps()) {
            switch (step) {
                case Path.Name n -> {
                    sb.setLength(0);
                    sb.append(n.name());
                }
                case Path.Index i -> sb.append('[').append(i.index()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * Projects an item read whole: each selected path becomes one top-level attribute; missing paths are omitted.
     * (A ProjectionExpression would renumber list elements, so {@code l[1]} could not be found again.)
     */
    static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<Path> projection) {
        if (projection.isEmpty()) {
            return item;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Path p : projection) {
            AttributeValue v = at(item, p);
            if (v != null) {
                out.put(outputName(p), v);
            }
        }
        return out;
    }

    private static @Nullable AttributeValue at(Map<String, AttributeValue> item, Path p) {
        AttributeValue current = null;
        for (Path.Step step : p.steps()) {
            current = switch (step) {
                case Path.Name n -> {
                    if (current == null) {
                        yield item.get(n.name());
                    }
                    yield current.type() == AttributeValue.Type.M ? current.m().get(n.name()) : null;
                }
                case Path.Index i ->
                    current != null
                                    && current.type() == AttributeValue.Type.L
                                    && i.index() < current.l().size()
                            ? current.l().get(i.index())
                            : null;
            };
            if (current == null) {
                return null;
            }
        }
        return current;
    }
}
