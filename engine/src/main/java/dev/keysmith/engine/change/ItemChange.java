package dev.keysmith.engine.change;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;

/**
 * One committed change to one item, published after the commit.
 *
 * @param tableName the table
 * @param kind INSERT, MODIFY or REMOVE
 * @param keys the item's key attributes
 * @param oldImage the item before the change, or null for INSERT
 * @param newImage the item after the change, or null for REMOVE
 * @param byTtl true if the time-to-live sweeper removed the item
 * @param time when the change was committed
 */
public record ItemChange(
        String tableName,
        OperationType kind,
        Map<String, AttributeValue> keys,
        @Nullable Map<String, AttributeValue> oldImage,
        @Nullable Map<String, AttributeValue> newImage,
        boolean byTtl,
        Instant time) {}
