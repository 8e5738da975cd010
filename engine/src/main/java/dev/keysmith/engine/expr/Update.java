package dev.keysmith.engine.expr;

import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A compiled update (from an UpdateExpression or from legacy AttributeUpdates). */
public interface Update {
    /**
     * Applies the update to a copy of the existing item (empty map if the item does not exist; key attributes
     * already present), returning the new item. Runtime errors carry DynamoDB's texts ("The provided expression
     * refers to an attribute that does not exist in the item", "An operand in the update expression has an incorrect
     * data type", "The document path provided in the update expression is invalid for update", ...).
     */
    Map<String, AttributeValue> apply(Map<String, AttributeValue> existing);

    /**
     * Throws "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the
     * key" if any action targets a key attribute.
     */
    void checkKeyAttributes(Set<String> keyAttributeNames);

    /**
     * Throws "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey:
     * lsk" if an action's path goes inside a secondary-index key attribute. DynamoDB Local checks this after the
     * condition, so callers do too.
     */
    void checkIndexKeyPaths(Set<String> indexKeyAttributeNames);

    /** Every top-level attribute the update reads or writes. */
    Set<String> topLevelAttributeNames();

    /**
     * The item (before or after the update) restricted to the paths the update's actions write or remove, for
     * ReturnValues UPDATED_OLD / UPDATED_NEW: {@code SET a.b.c = :v} gives {@code {a: {b: {c: ...}}}}, not the whole
     * of {@code a}. Paths the item does not have are left out, like a ProjectionExpression's.
     */
    Map<String, AttributeValue> updatedAttributes(Map<String, AttributeValue> item);
}
