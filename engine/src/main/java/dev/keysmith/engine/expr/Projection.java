package dev.keysmith.engine.expr;

import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A compiled projection (ProjectionExpression or legacy AttributesToGet). */
public interface Projection {
    /** Nested paths and list indexes as DynamoDB: projecting a.b[1] yields {a:{b:[<elem>]}}. */
    Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

    Set<String> topLevelAttributeNames();
}
