package dev.keysmith.engine.op;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.keys.ItemCodec;
import dev.keysmith.engine.storage.Cursor;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.ttl.TtlIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/**
 * UpdateTimeToLive and DescribeTimeToLive. Enabling builds the table's expiry index from its items in the same
 * transaction, so items written before TTL was enabled expire too.
 */
public final class TimeToLive {
    private TimeToLive() {}

    public static UpdateTimeToLiveResponse update(OpContext ctx, UpdateTimeToLiveRequest req) {
        String tableName = Requests.tableName(req.tableName());
        TimeToLiveSpecification spec = req.timeToLiveSpecification();
        if (spec == null) {
            throw Errors.validation("1 validation error detected: Value null at 'timeToLiveSpecification' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        String attribute = spec.attributeName();
        if (attribute == null || attribute.isEmpty() || attribute.length() > 255) {
            throw Errors.validation("1 validation error detected: Value '" + (attribute == null ? "null" : attribute)
                    + "' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have"
                    + " length "
                    + (attribute != null && attribute.length() > 255
                            ? "less than or equal to 255"
                            : "greater than or equal to 1"));
        }
        boolean enable = Boolean.TRUE.equals(spec.enabled());
        ctx.storage().write(tx -> {
            TableDef table = ctx.catalog().require(tx, tableName);
            String current = table.ttlAttribute();
            if (enable && current != null) {
                throw Errors.validation("TimeToLive is already enabled");
            }
            if (!enable && current == null) {
                throw Errors.validation("TimeToLive is already disabled");
            }
            if (!enable && !current.equals(attribute)) {
                throw Errors.validation(
                        "The specified AttributeName does not match the current TTL attribute: " + current);
            }
            ctx.catalog().setTimeToLive(tx, tableName, enable ? attribute : null);
            TableDef updated = ctx.catalog().require(tx, tableName);
            if (enable) {
                List<byte[]> keys = new ArrayList<>();
                List<Map<String, AttributeValue>> items = new ArrayList<>();
                try (Cursor c = tx.cursor(table.itemStore())) {
                    for (boolean ok = c.first(); ok; ok = c.next()) {
                        keys.add(c.key());
                        items.add(ItemCodec.decode(c.value()));
                    }
                }
                for (int i = 0; i < keys.size(); i++) {
                    TtlIndex.update(tx, updated, keys.get(i), null, items.get(i));
                }
            } else if (tx.storeExists(TtlIndex.store(table))) {
                tx.dropStore(TtlIndex.store(table));
            }
            return null;
        });
        return UpdateTimeToLiveResponse.builder().timeToLiveSpecification(spec).build();
    }

    public static DescribeTimeToLiveResponse describe(OpContext ctx, DescribeTimeToLiveRequest req) {
        String tableName = Requests.tableName(req.tableName());
        TableDef table = ctx.storage().read(tx -> {
            TableDef t = ctx.catalog().find(tx, tableName);
            if (t == null) {
                throw Errors.tableNotFound(tableName);
            }
            return t;
        });
        var description = TimeToLiveDescription.builder();
        if (table.ttlAttribute() == null) {
            description.timeToLiveStatus(TimeToLiveStatus.DISABLED);
        } else {
            description.timeToLiveStatus(TimeToLiveStatus.ENABLED).attributeName(table.ttlAttribute());
        }
        return DescribeTimeToLiveResponse.builder()
                .timeToLiveDescription(description.build())
                .build();
    }
}
