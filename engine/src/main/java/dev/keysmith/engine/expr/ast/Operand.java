package dev.keysmith.engine.expr.ast;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A resolved operand of a condition or of an update SET value. */
public sealed interface Operand {
    /** A value from ExpressionAttributeValues (or from a legacy parameter). */
    record Literal(AttributeValue value) implements Operand {}

    /** The value at a document path of the item. */
    record Attr(DocPath path) implements Operand {}

    /** {@code size(operand)}. */
    record Size(Operand operand) implements Operand {}

    /** {@code if_not_exists(path, fallback)}. */
    record IfNotExists(DocPath path, Operand fallback) implements Operand {}

    /** {@code list_append(first, second)}. */
    record ListAppend(Operand first, Operand second) implements Operand {}

    /** {@code left + right} or {@code left - right}. */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {}
}
