package dev.keysmith.engine.op;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.Condition;
import dev.keysmith.engine.expr.ExpressionContext;
import dev.keysmith.engine.expr.Expressions;
import dev.keysmith.engine.expr.Legacy;
import dev.keysmith.engine.expr.Projection;
import dev.keysmith.engine.table.IndexDef;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.trace.ExecutionTrace;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Scan: every item of a table or index, one page at a time, in storage order (which is by partition-key hash, so as
 * unordered as DynamoDB's). A parallel scan's segment is a range of that hash: segments are disjoint and together
 * complete.
 */
public final class Scan {
    static final int HASH_SPACE = 1 << 16;

    private Scan() {}

    public static ScanResponse execute(OpContext ctx, ScanRequest req) {
        long start = System.nanoTime();
        String tableName = Requests.tableName(req.tableName());
        var names = Requests.orNull(req.expressionAttributeNames());
        var values = Requests.values(req.expressionAttributeValues());
        var scanFilter = Requests.orNull(req.scanFilter());
        var attributesToGet = Requests.orNull(req.attributesToGet());
        var exclusiveStartKey = Requests.orNull(req.exclusiveStartKey());
        Requests.expressionParameters(
                Requests.present(
                        "AttributesToGet",
                        attributesToGet,
                        "ScanFilter",
                        scanFilter,
                        "ConditionalOperator",
                        req.conditionalOperator()),
                Requests.present(
                        "ProjectionExpression", req.projectionExpression(), "FilterExpression", req.filterExpression()),
                names,
                values,
                "FilterExpression is null");
        Requests.limit(req.limit());
        checkSegments(req.segment(), req.totalSegments());
        Select select = Requests.select(
                req.select(), req.projectionExpression() != null, attributesToGet != null, req.indexName());
        ExpressionContext ectx = new ExpressionContext(names, values);
        Condition filter = req.filterExpression() != null
                ? Expressions.condition("FilterExpression", req.filterExpression(), ectx)
                : scanFilter != null ? Legacy.filter("ScanFilter", scanFilter, req.conditionalOperator()) : null;
        Projection projection = Requests.projection(req.projectionExpression(), attributesToGet, ectx);
        ectx.checkAllUsed();
        Meter.ReadMode mode = Meter.ReadMode.of(req.consistentRead());
        StoredItems stored = StoredItems.requestedBy(req);
        byte[][] bounds = segmentBounds(req.segment(), req.totalSegments());

        record Result(@Nullable IndexDef index, RangeRead.Page page, RangeRead.Items items) {}
        Result r = ctx.storage().read(tx -> {
            TableDef table = ctx.catalog().require(tx, tableName);
            IndexDef index = Requests.index(table, req.indexName(), req.consistentRead(), select);
            byte[] startAfter =
                    exclusiveStartKey == null ? null : Query.startKey(table, index, exclusiveStartKey, null, null);
            boolean fetch = index != null
                    && !index.global()
                    && !Projections.projectsAll(index)
                    && select == Select.ALL_ATTRIBUTES;
            var spec = new RangeRead.Spec(
                    table,
                    index,
                    bounds[0],
                    bounds[1],
                    startAfter,
                    true,
                    req.limit(),
                    filter,
                    projection,
                    select == Select.COUNT,
                    fetch,
                    mode);
            RangeRead.Items items = RangeRead.Items.of(stored);
            return new Result(index, RangeRead.read(tx, spec, items), items);
        });
        RangeRead.Page page = r.page();
        Meter meter = RangeRead.meter(tableName, r.index(), page, mode);
        var response = ScanResponse.builder()
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
            ctx.hooks()
                    .trace(new ExecutionTrace(
                            "Scan",
                            tableName,
                            r.index() == null ? null : r.index().name(),
                            null,
                            -1,
                            null,
                            true,
                            req.segment() == null ? null : req.segment() + "/" + req.totalSegments(),
                            page.scannedCount(),
                            page.count(),
                            page.bytesRead(),
                            page.stoppedEarly(),
                            page.lastEvaluatedKey(),
                            meter.total(),
                            Query.indexUnits(meter),
                            System.nanoTime() - start));
        }
        return response.build();
    }

    private static void checkSegments(@Nullable Integer segment, @Nullable Integer total) {
        if (segment != null && total == null) {
            throw Errors.validation("The TotalSegments parameter is required but was not present in the request when"
                    + " Segment parameter is present");
        }
        if (total != null && segment == null) {
            throw Errors.validation("The Segment parameter is required but was not present in the request when"
                    + " parameter TotalSegments is present");
        }
        if (total == null) {
            return;
        }
        if (total < 1 || total > 1_000_000) {
            throw Errors.validation("1 validation error detected: Value '" + total + "' at 'totalSegments' failed to"
                    + " satisfy constraint: Member must have value "
                    + (total < 1 ? "greater than or equal to 1" : "less than or equal to 1000000"));
        }
        if (segment < 0) {
            throw Errors.validation("1 validation error detected: Value '" + segment + "' at 'segment' failed to"
                    + " satisfy constraint: Member must have value greater than or equal to 0");
        }
        if (segment >= total) {
            throw Errors.validation("The Segment parameter is zero-based and must be less than parameter"
                    + " TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + total);
        }
    }

    /** Segment s of n covers partition-key hashes [s * 65536 / n, (s + 1) * 65536 / n). */
    static byte[][] segmentBounds(@Nullable Integer segment, @Nullable Integer total) {
        if (segment == null || total == null) {
            return new byte[][] {new byte[0], null};
        }
        long lo = (long) segment * HASH_SPACE / total;
        long hi = (long) (segment + 1) * HASH_SPACE / total;
        byte[] low = {(byte) (lo >>> 8), (byte) lo};
        byte[] high = hi >= HASH_SPACE ? null : new byte[] {(byte) (hi >>> 8), (byte) hi};
        if (lo == hi) {
            high = low; // an empty segment (more segments than hash values)
        }
        return new byte[][] {low, high};
    }
}
