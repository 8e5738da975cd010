package dev.keysmith.engine.expr;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A validated Query key condition: equality on the partition key, optionally one sort-key condition. */
public record KeyCondition(
        String hashKeyName,
        AttributeValue hashValue,
        @Nullable SortKeyCondition sort) {}
