package dev.keysmith.engine.op;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.Condition;
import dev.keysmith.engine.expr.ExpressionContext;
import dev.keysmith.engine.expr.Expressions;
import dev.keysmith.engine.expr.KeyCondition;
import dev.keysmith.engine.expr.Legacy;
import dev.keysmith.engine.expr.Projection;
import dev.keysmith.engine.expr.SortKeyCondition;
import dev.keysmith.engine.keys.KeyCodec;
import dev.keysmith.engine.table.IndexDef;
import dev.keysmith.engine.table.KeyDef;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.trace.ExecutionTrace;
import dev.keysmith.engine.value.ItemValidator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query: one partition of a table or index, optionally narrowed to a sort-key range, read in sort-key order (or
 * reverse) one page at a time. Reads one contiguous key range of the store; never scans.
 */
public final class Query {
    private Query() {}

    public static QueryResponse execute(OpContext ctx, QueryRequest req) {
        long start = System.nanoTime();
        String tableName = Requests.tableName(req.tableName());
        var names = Requests.orNull(req.expressionAttributeNames());
        var values = Requests.values(req.expressionAttributeValues());
        var keyConditions = Requests.orNull(req.keyConditions());
        var queryFilter = Requests.orNull(req.queryFilter());
        var attributesToGet = Requests.orNull(req.attributesToGet());
        var exclusiveStartKey = Requests.orNull(req.exclusiveStartKey());
        Requests.expressionParameters(
                Requests.present(
                        "AttributesToGet",
                        attributesToGet,
                        "QueryFilter",
                        queryFilter,
                        "ConditionalOperator",
                        req.conditionalOperator(),
                        "KeyConditions",
                        keyConditions),
                Requests.present(
                        "ProjectionExpression",
                        req.projectionExpression(),
                        "FilterExpression",
                        req.filterExpression(),
                        "KeyConditionExpression",
                        req.keyConditionExpression()),
                names,
                values,
                "KeyConditionExpression is null");
        Requests.limit(req.limit());
        Select select = Requests.select(
                req.select(), req.projectionExpression() != null, attributesToGet != null, req.indexName());
        if (req.keyConditionExpression() == null && keyConditions == null) {
            throw Errors.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Meter.ReadMode mode = Meter.ReadMode.of(req.consistentRead());
        StoredItems stored = StoredItems.requestedBy(req);
        boolean forward = !Boolean.FALSE.equals(req.scanIndexForward());

        record Result(
                TableDef table,
                @Nullable IndexDef index,
                KeyCondition keys,
                RangeRead.Page page,
                RangeRead.Items items) {}
        Result r = ctx.storage().read(tx -> {
            TableDef table = ctx.catalog().require(tx, tableName);
            IndexDef index = Requests.index(table, req.indexName(), req.consistentRead(), select);
            KeyDef hash = index == null ? table.hash() : index.hash();
            KeyDef range = index == null ? table.range() : index.range();
            ExpressionContext ectx = new ExpressionContext(names, values);
            // DynamoDB Local reports a bad FilterExpression, then a bad ProjectionExpression, then the key condition
            Condition filter = req.filterExpression() != null
                    ? Expressions.condition("FilterExpression", req.filterExpression(), ectx)
                    : queryFilter != null ? Legacy.filter("QueryFilter", queryFilter, req.conditionalOperator()) : null;
            Projection projection = Requests.projection(req.projectionExpression(), attributesToGet, ectx);
            KeyCondition keys = req.keyConditionExpression() != null
                    ? Expressions.keyCondition(
                            req.keyConditionExpression(), ectx, hash.name(), range == null ? null : range.name())
                    : Legacy.keyConditions(keyConditions, hash.name(), range == null ? null : range.name());
            ectx.checkAllUsed();
            checkKeyTypes(keys, hash, range);
            if (filter != null) {
                for (String name : filter.topLevelAttributeNames()) {
                    if (name.equals(hash.name()) || (range != null && name.equals(range.name()))) {
                        throw Errors.validation(
                                "Filter Expression can only contain non-primary key attributes: Primary key attribute: "
                                        + name);
                    }
                }
            }
            byte[] prefix = KeyLayout.partitionPrefix(ItemValidator.validateValue(keys.hashValue()));
            byte[][] bounds = sortBounds(prefix, keys.sort());
            byte[] startAfter = exclusiveStartKey == null
                    ? null
                    : startKey(table, index, exclusiveStartKey, keys.hashValue(), hash.name());
            boolean fetch = index != null
                    && !index.global()
                    && !Projections.projectsAll(index)
                    && (select == Select.ALL_ATTRIBUTES || needsMore(index, table, projection, filter));
            var spec = new RangeRead.Spec(
                    table,
                    index,
                    bounds[0],
                    bounds[1],
                    startAfter,
                    forward,
                    req.limit(),
                    filter,
                    projection,
                    select == Select.COUNT,
                    fetch,
                    mode);
            RangeRead.Items items = RangeRead.Items.of(stored);
            return new Result(table, index, keys, RangeRead.read(tx, spec, items), items);
        });
        RangeRead.Page page = r.page();
        Meter meter = RangeRead.meter(tableName, r.index(), page, mode);
        var response = QueryResponse.builder()
                .count(page.count())
                .scannedCount(page.scannedCount())
                .consumedCapacity(meter.toResponse(req.returnConsumedCapacity()));
        if (select != Select.COUNT) {
            r.items().deliver(response::items);
        }
        if (page.lastEvaluatedKey() != null) {
            response.lastEvaluatedKey(page.lastEvaluatedKey());
        }
        if (ctx.hooks().tracing()) {
            AttributeValue pk = r.keys().hashValue();
            ctx.hooks()
                    .trace(new ExecutionTrace(
                            "Query",
                            tableName,
                            r.index() == null ? null : r.index().name(),
                            pk,
                            KeyCodec.hash16(KeyCodec.encode(pk)),
                            r.keys().sort() == null ? null : describe(r.keys().sort()),
                            forward,
                            null,
                            page.scannedCount(),
                            page.count(),
                            page.bytesRead(),
                            page.stoppedEarly(),
                            page.lastEvaluatedKey(),
                            meter.total(),
                            indexUnits(meter),
                            System.nanoTime() - start));
        }
        return response.build();
    }

    static Map<String, Double> indexUnits(Meter meter) {
        var out = new java.util.LinkedHashMap<>(meter.globalIndexUnits());
        out.putAll(meter.localIndexUnits());
        return out;
    }

    private static String describe(SortKeyCondition c) {
        return switch (c.op()) {
            case EQ -> c.name() + " = " + c.value();
            case LT -> c.name() + " < " + c.value();
            case LE -> c.name() + " <= " + c.value();
            case GT -> c.name() + " > " + c.value();
            case GE -> c.name() + " >= " + c.value();
            case BETWEEN -> c.name() + " BETWEEN " + c.value() + " AND " + c.upper();
            case BEGINS_WITH -> "begins_with(" + c.name() + ", " + c.value() + ")";
        };
    }

    private static void checkKeyTypes(KeyCondition keys, KeyDef hash, @Nullable KeyDef range) {
        boolean ok = KeyLayout.matchesType(keys.hashValue(), hash.type());
        SortKeyCondition sort = keys.sort();
        if (sort != null && range != null) {
            ok &= KeyLayout.matchesType(sort.value(), range.type());
            ok &= sort.upper() == null || KeyLayout.matchesType(sort.upper(), range.type());
        }
        if (!ok) {
            throw Errors.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }

    /** The [low, high) byte range of one partition narrowed by the sort-key condition. */
    private static byte[][] sortBounds(byte[] prefix, @Nullable SortKeyCondition sort) {
        byte[] end = KeyCodec.prefixEnd(prefix);
        if (sort == null) {
            return new byte[][] {prefix, end};
        }
        AttributeValue v = ItemValidator.validateValue(sort.value());
        byte[] at = concat(prefix, KeyCodec.encode(v));
        return switch (sort.op()) {
            case EQ -> new byte[][] {at, KeyCodec.prefixEnd(at)};
            case LT -> new byte[][] {prefix, at};
            case LE -> new byte[][] {prefix, KeyCodec.prefixEnd(at)};
            case GT -> new byte[][] {KeyCodec.prefixEnd(at), end};
            case GE -> new byte[][] {at, end};
            case BETWEEN -> {
                byte[] upper = concat(prefix, KeyCodec.encode(ItemValidator.validateValue(sort.upper())));
                yield new byte[][] {at, KeyCodec.prefixEnd(upper)};
            }
            case BEGINS_WITH -> {
                byte[] p = concat(prefix, KeyCodec.beginsWithPrefix(v));
                yield new byte[][] {p, KeyCodec.prefixEnd(p)};
            }
        };
    }

    /** Encodes ExclusiveStartKey as a storage key, with DynamoDB's checks. */
    static byte[] startKey(
            TableDef table,
            @Nullable IndexDef index,
            Map<String, AttributeValue> esk,
            @Nullable AttributeValue queryHash,
            @Nullable String hashName) {
        Map<String, AttributeValue> key = ItemValidator.validateItem(esk);
        int expected = (table.range() == null ? 1 : 2);
        if (index != null) {
            expected += keyNameCount(table, index);
        }
        boolean shape = key.size() == expected
                && key.containsKey(table.hash().name())
                && (table.range() == null || key.containsKey(table.range().name()))
                && (index == null
                        || (key.containsKey(index.hash().name())
                                && (index.range() == null
                                        || key.containsKey(index.range().name()))));
        if (!shape) {
            throw Errors.validation(
                    "The provided starting key is invalid: The provided key element does not match the" + " schema");
        }
        Map<String, AttributeValue> tableKey = KeyLayout.keyOf(table, key);
        KeyLayout.checkKey(table, tableKey);
        if (queryHash != null
                && hashName != null
                && !dev.keysmith.engine.value.AttributeValues.equal(key.get(hashName), queryHash)) {
            throw Errors.validation(
                    "The provided starting key is outside query boundaries based on provided conditions");
        }
        if (index == null) {
            return KeyLayout.itemKey(table, key);
        }
        byte[] k = KeyLayout.indexKey(table, index, key);
        if (k == null) {
            throw Errors.validation(
                    "The provided starting key is invalid: The provided key element does not match the" + " schema");
        }
        return k;
    }

    private static int keyNameCount(TableDef table, IndexDef index) {
        int n = 0;
        for (String name : index.range() == null
                ? java.util.List.of(index.hash().name())
                : java.util.List.of(index.hash().name(), index.range().name())) {
            if (!table.keyAttributeNames().contains(name)) {
                n++;
            }
        }
        return n;
    }

    /** True if the projection or filter names an attribute the (local) index does not project. */
    private static boolean needsMore(
            IndexDef index, TableDef table, @Nullable Projection projection, @Nullable Condition filter) {
        java.util.Set<String> projected = new java.util.HashSet<>(index.nonKeyAttributes());
        projected.addAll(table.keyAttributeNames());
        projected.add(index.hash().name());
        if (index.range() != null) {
            projected.add(index.range().name());
        }
        if (projection != null && !projected.containsAll(projection.topLevelAttributeNames())) {
            return true;
        }
        return filter != null && !projected.containsAll(filter.topLevelAttributeNames());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
