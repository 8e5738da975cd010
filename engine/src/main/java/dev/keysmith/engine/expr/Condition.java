package dev.keysmith.engine.expr;

import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A compiled condition or filter (from an expression or from legacy parameters). */
public interface Condition {
    /** Missing attributes and type mismatches evaluate false, as DynamoDB does. */
    boolean test(Map<String, AttributeValue> item);

    /** Resolved top-level names, e.g. for "Filter Expression can only contain non-primary key attributes". */
    Set<String> topLevelAttributeNames();
}
