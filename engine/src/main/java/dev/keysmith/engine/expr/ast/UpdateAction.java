package dev.keysmith.engine.expr.ast;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A resolved, checked update action. */
public sealed interface UpdateAction {
    DocPath path();

    record Set(DocPath path, Operand value) implements UpdateAction {}

    record Remove(DocPath path) implements UpdateAction {}

    record Add(DocPath path, AttributeValue value) implements UpdateAction {}

    record Delete(DocPath path, AttributeValue value) implements UpdateAction {}
}
